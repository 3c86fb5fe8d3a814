/**
 * Protects a set of linked tables: checks and completes them, applies the primary rules, chooses
 * secondary suppressions over the whole set, audits the result, and returns protected tables with
 * a report. Nothing is returned but issues when the input is bad.
 * @module
 */
import {
  applyPrimaryRules,
  findCells,
  type PrimaryMarks,
  PUBLISHED,
  SECONDARY,
  STATUS_CODES,
} from './apply-primary-rules.ts'
import { type AuditScope, auditSystem } from './audit-system.ts'
import { type BuiltTable, buildTable, codesOf } from './build-table.ts'
import { type CellSystem, displayKey, linkTables } from './link-tables.ts'
import { type PrimaryRules, type ResolvedRules, resolveRules } from './primary-rules.ts'
import { protectMagnitude } from './protect-magnitude.ts'
import { makeProtectedTable, type ProtectedRow, type ProtectedTable } from './protected-table.ts'
import { type AuditSummary, type ProtectionReport, summarise } from './report.ts'
import { type SearchRunner, suppressSecondary } from './suppress-secondary.ts'
import type { CellRef, Issue, PublishedCell, TableInput } from './types.ts'

/** Options of {@link protectTables}. */
export interface ProtectOptions {
  /** Primary rules of every table (defaults: DOMAIN.md). */
  readonly rules?: PrimaryRules
  /** Per table name, rules replacing `rules`. */
  readonly tableRules?: Readonly<Record<string, PrimaryRules>>
  /** Extra primary cells (e.g. from a dominance rule computed elsewhere). */
  readonly primary?: readonly CellRef[]
  /**
   * Cells published by releases still online. Those whose count is unchanged are public already:
   * they stay published, and no other cell's protection may rest on suppressing them.
   */
  readonly published?: readonly PublishedCell[]
  /**
   * Cells releases still online suppressed as secondary: they stay suppressed (status `D`), but need
   * no protection interval of their own (primary cells of those releases go in `primary`).
   */
  readonly held?: readonly CellRef[]
  /** Protect singletons against their own member (default true). */
  readonly singletons?: boolean
  /**
   * The statuses are published beside the values (default true, as the release and `passerelle
   * protect` write them): the attacker then knows that a cell shown `A` or `B` holds at least one
   * unit (PrimaryMarks.floor), and no certificate nor audit may take it below. false: the reference
   * attacker of PRIVACY.md §4, for whom every suppressed cell is only at least 0.
   */
  readonly statusesShown?: boolean
  /** sdcTable's `threshold`: least persons suppressed in a relation that has suppressed cells. */
  readonly threshold?: number
  /** Audit after protection: every suppressed cell (default), primary cells only, or none. */
  readonly audit?: AuditScope | 'none'
  /**
   * Runs the search for secondary cells, component by component (default: in turn on this
   * thread; a caller may pass one using worker threads, see SecondaryOptions.runner).
   */
  readonly runner?: SearchRunner
}

/** Protected tables and the report, or the issues that stopped protection. */
export type ProtectResult =
  | { readonly ok: true; readonly tables: readonly ProtectedTable[]; readonly report: ProtectionReport }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/**
 * Protects linked tables (tables given together share their common cells).
 *
 * @example
 * const result = await protectTables([{ name: 't', dimensions: ['region'], rows }])
 * if (result.ok) publish(result.tables)
 */
export async function protectTables(
  inputs: readonly TableInput[],
  options: ProtectOptions = {},
): Promise<ProtectResult> {
  const started = performance.now()
  const issues: Issue[] = []
  const built: BuiltTable[] = []
  for (const input of inputs) {
    const table = buildTable(input)
    if (table.ok) built.push(table.value)
    else issues.push(...table.issues)
  }
  const rules = new Map<string, ResolvedRules>()
  for (const input of inputs) {
    const resolved = resolveRules(options.tableRules?.[input.name] ?? options.rules, input.name)
    rules.set(input.name, resolved.rules)
    issues.push(...resolved.issues)
  }
  if (issues.length > 0) return { ok: false, issues }
  const linked = linkTables(built)
  if (!linked.ok) return { ok: false, issues: linked.issues }
  const system = linked.value
  const primary = applyPrimaryRules(system, (t) => rules.get(t.name)!, options.primary, {
    statusesShown: options.statusesShown !== false,
  })
  if (primary.issues.length > 0) return { ok: false, issues: primary.issues }
  const publicNow = publicCells(system, options.published ?? [])
  const { marks, moot } = withoutPublicRates(system, primary.marks, publicNow)
  const secondary = await suppressSecondary(system, marks, {
    singletons: options.singletons !== false,
    known: publicNow.known,
    publicMeasures: publicNow.measures,
    held: heldCells(system, options.held ?? []),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.runner ? { runner: options.runner } : {}),
  })
  const scope = options.audit ?? 'suppressed'
  // The amounts of dominance cells, on the tables that name them; its own audit runs with it.
  const magnitude = await protectMagnitude(
    { system, marks, status: secondary.status },
    (t) => rules.get(t.name)!,
    {
      published: options.published ?? [],
      audit: scope,
    },
  )
  const status = magnitude.status
  const protectSeconds = (performance.now() - started) / 1000
  const auditStarted = performance.now()
  const pattern = {
    system,
    status,
    distance: marks.distance,
    singleton: marks.singleton,
    floor: marks.floor,
    relaxed: secondary.relaxed,
  }
  const counts = scope === 'none' ? undefined : await auditSystem(pattern, scope, secondary.certificates)
  const audit = counts && { summary: withAmounts(counts.summary, magnitude.audit) }
  const auditSeconds = (performance.now() - auditStarted) / 1000
  const findings: Issue[] = secondary.unprotectable.map((c) => ({
    path: system.tables[system.homeTable[c]!]!.name,
    code: 'disclosure/unprotectable',
    message: `no suppression pattern protects cell ${displayKey(system.keys[c]!)}`,
  }))
  findings.push(...magnitude.issues)
  // The audit finds a cell once per way of reaching it (each singleton known in turn): one finding.
  const reported = new Set<string>()
  for (const u of audit?.summary.unprotected ?? []) {
    const message = `cell ${u.cell} in [${u.low}, ${u.up}]`
    if (reported.has(`${u.table}\u0001${message}`)) continue
    reported.add(`${u.table}\u0001${message}`)
    findings.push({ path: u.table, code: 'disclosure/unprotected', message })
  }
  // Listed once the pattern is final: another cell's protection may have suppressed one since.
  const republished = [...moot].flatMap(([id, name]) => (status[id] === PUBLISHED ? [name] : [])).sort()
  const shown = shownStatus(system, status)
  const tables = built.map((table, t) => toProtected(system, table, t, shown, marks))
  // Internal cells are protected but are no rows: the shares count the rows.
  const rowsOf = (t: number) => system.cellIds[t]!.filter((_, local) => built[t]!.internal?.[local] !== 1)
  // A cell internal in one table may be a row of another (a région's year, by organism and by région).
  const rowIds = new Set<number>()
  built.forEach((_, t) => {
    for (const id of rowsOf(t)) rowIds.add(id)
  })
  const report: ProtectionReport = {
    tables: built.map((table, t) => ({
      name: table.name,
      ...summarise(system, shown, rowsOf(t)),
    })),
    set: {
      ...summarise(
        system,
        shown,
        [...system.value.keys()].filter((id) => rowIds.has(id)),
      ),
      distinctCells: rowIds.size,
      relations: system.relStart.length - 1,
    },
    solver: {
      lpSolved: secondary.lpSolved + magnitude.lpSolved,
      patterns: secondary.patterns + magnitude.patterns,
      protectSeconds,
      auditSeconds,
    },
    ...(audit ? { audit: audit.summary } : {}),
    ...(republished.length > 0 ? { republished } : {}),
    ...(secondary.relaxed.length > 0
      ? {
          relaxed: secondary.relaxed.map(
            (c) => `${system.tables[system.homeTable[c]!]!.name}: ${displayKey(system.keys[c]!)}`,
          ),
        }
      : {}),
    issues: findings,
  }
  return { ok: true, tables, report }
}

/**
 * The statuses as the files show them: an empty primary cell (one a release online hid, carried
 * over; the rules never make an empty cell primary) is shown `D`, as hidden for another cell's
 * sake, not `A` or `B`: a reader takes a cell shown so to hold at least one unit
 * (PrimaryMarks.floor), which this one does not, so that the reader's sums (and `passerelle
 * audit`'s) would not add up. The release's own audit still checks it as primary.
 */
function shownStatus(system: CellSystem, status: Uint8Array): Uint8Array {
  return Uint8Array.from(status, (s, c) =>
    s !== PUBLISHED && s !== SECONDARY && system.value[c] === 0 ? SECONDARY : s,
  )
}

/**
 * Cells that only their rates make primary, shown by one reference of a release still online with
 * the count they have now and every measure of those rates as it is now: that row is public
 * already, so hiding it now hides nothing from whoever kept the file, and no pattern can protect
 * it; such cells stay published (withdrawing that release is the only remedy). One reference for
 * all of it: a numerator as published with another count, or by another release, tells a rate
 * that was not public.
 */
function withoutPublicRates(
  system: CellSystem,
  marks: PrimaryMarks,
  publicNow: PublicCells,
): { marks: PrimaryMarks; moot: Map<number, string> } {
  const moot = new Map<number, string>()
  if (marks.rateOnly.size === 0) return { marks, moot }
  system.tables.forEach((table, t) => {
    const ids = system.cellIds[t]!
    for (let local = 0; local < ids.length; local++) {
      const id = ids[local]!
      const names = marks.rateOnly.get(id)
      if (!names || moot.has(id)) continue
      const now = (name: string) => table.measures?.get(name)?.[local] ?? table.cellValues?.get(name)?.[local]
      // A reference without measures vouches for all of them (PublishedCell.measures).
      const same = (ref: PublishedCell) =>
        (ref.table === undefined || ref.table === table.name) &&
        system.value[id] === ref.n &&
        [...names].every((name) => {
          if (ref.measures === undefined) return true
          const value = now(name)
          const then = ref.measures[name]
          return value !== undefined && then !== undefined && Math.abs(value - then) < 0.5
        })
      if (publicNow.shown.get(id)?.some(same)) moot.set(id, `${table.name}: ${displayKey(system.keys[id]!)}`)
    }
  })
  if (moot.size === 0) return { marks, moot }
  const status = Uint8Array.from(marks.status)
  const distance = Float64Array.from(marks.distance)
  const rateOnly = new Map(marks.rateOnly)
  for (const id of moot.keys()) {
    status[id] = PUBLISHED
    distance[id] = 0
    rateOnly.delete(id)
  }
  return { marks: { ...marks, status, distance, rateOnly }, moot }
}

/** The audit of counts with that of the dominance cells' amounts (one verdict for both). */
function withAmounts(counts: AuditSummary, amounts: AuditSummary | undefined): AuditSummary {
  if (!amounts) return counts
  return {
    checked: counts.checked + amounts.checked,
    unprotected: [...counts.unprotected, ...amounts.unprotected],
    singletonChecks: counts.singletonChecks + amounts.singletonChecks,
    ok: counts.ok && amounts.ok,
  }
}

/** What releases online made public of the cells of a system. */
interface PublicCells {
  /**
   * Per cell, 1 when a release online published it with the count it has now: whatever else
   * changed since, its count is public, so no protection of a count may rest on suppressing it.
   */
  readonly known: Uint8Array
  /**
   * Per cell, the measures whose value now a release online published, whatever its count (all of
   * them for a reference that gives none): what the protection of a rate may not rest on.
   */
  readonly measures: Map<number, Set<string>>
  /** Per cell, the references that name it. */
  readonly shown: ReadonlyMap<number, readonly PublishedCell[]>
}

/**
 * The cells and measures releases online made public. A measure matches within half a unit, since
 * files round sums (euros, hours) that the tables hold unrounded; a reference without `measures`
 * vouches for every measure of the cell when its count matches. A rate's numerator published on
 * an empty base (0 of 0: a cohort not observed yet) is no knowledge of it once the base has
 * members: it was 0 because the base was, whatever it is now.
 */
function publicCells(system: CellSystem, published: readonly PublishedCell[]): PublicCells {
  const known = new Uint8Array(system.size)
  const measures = new Map<number, Set<string>>()
  const shown = new Map<number, PublishedCell[]>()
  if (published.length === 0) return { known, measures, shown }
  const countOnly = new Set<number>()
  for (const ref of published)
    for (const { id } of findCells(system, ref)) {
      const refs = shown.get(id) ?? []
      shown.set(id, refs)
      refs.push(ref)
      if (system.value[id] !== ref.n) continue
      known[id] = 1
      if (ref.measures === undefined) countOnly.add(id)
    }
  system.tables.forEach((table, t) => {
    const ids = system.cellIds[t]!
    const columns = new Map([...(table.measures ?? []), ...(table.cellValues ?? [])])
    const bases = rateBases(table)
    for (let local = 0; local < ids.length; local++) {
      const id = ids[local]!
      const refs = shown.get(id)
      if (!refs) continue
      const valueNow = (name: string | undefined) =>
        name === undefined ? table.n[local]! : (columns.get(name)?.[local] ?? Number.NaN)
      const shownOf = (ref: PublishedCell, name: string | undefined) =>
        name === undefined ? ref.n : ref.measures?.[name]
      for (const [name, column] of columns) {
        const now = column[local]!
        if (Number.isNaN(now)) continue
        const baseNames = bases.get(name) ?? []
        const matches = (ref: PublishedCell) => {
          const then = ref.measures?.[name]
          if (then === undefined || Math.abs(then - now) >= 0.5) return false
          return baseNames.every((base) => !(shownOf(ref, base) === 0 && valueNow(base) > 0))
        }
        if (countOnly.has(id) || refs.some(matches)) {
          const names = measures.get(id) ?? new Set<string>()
          measures.set(id, names)
          names.add(name)
        }
      }
    }
  })
  return { known, measures, shown }
}

/** Per measure that is a rate's numerator, the names of its bases (`undefined`: the count). */
function rateBases(table: BuiltTable): Map<string, (string | undefined)[]> {
  const bases = new Map<string, (string | undefined)[]>()
  for (const rate of table.rates ?? []) {
    const [numerator, denominator] = rate.names
    if (numerator === undefined) continue
    bases.set(numerator, [...(bases.get(numerator) ?? []), denominator])
  }
  return bases
}

/** Per cell, 1 when a release online suppressed it as secondary. */
function heldCells(system: CellSystem, held: readonly CellRef[]): Uint8Array {
  const cells = new Uint8Array(system.size)
  for (const ref of held) for (const { id } of findCells(system, ref)) cells[id] = 1
  return cells
}

function toProtected(
  system: CellSystem,
  table: BuiltTable,
  t: number,
  status: Uint8Array,
  marks: { distance: Float64Array; singleton: Uint8Array },
): ProtectedTable {
  const ids = system.cellIds[t]!
  const rows: ProtectedRow[] = []
  const internal: ProtectedRow[] = []
  const n: number[] = []
  const distance: number[] = []
  const singleton: boolean[] = []
  const hidden = table.hierarchies.map((h) => (table.internal ? internalCodes(table, h) : new Set<number>()))
  // A dimension named internal whose every code but the root is (or that has its root alone) is no
  // column of the rows; any other dimension is, even with its root alone (an empty population).
  const kept = table.hierarchies.map(
    (h, i) => !table.internalDimensions?.includes(h.dimension) || hidden[i]!.size < h.codes.length - 1,
  )
  const shown = <T>(values: readonly T[]) => values.filter((_, i) => kept[i])
  for (let local = 0; local < table.size; local++) {
    const id = ids[local]!
    const codes = codesOf(table, local).map((c, i) => table.hierarchies[i]!.codes[c]!)
    const s = STATUS_CODES[status[id]!]!
    const published = s === 'V'
    const measures: Record<string, number | null> = {}
    for (const [name, values] of table.measures ?? []) measures[name] = published ? values[local]! : null
    for (const [name, values] of table.cellValues ?? []) {
      // A cell measure counts units of the cell (distinct persons): an empty cell has none.
      const value = table.n[local] === 0 && Number.isNaN(values[local]!) ? 0 : values[local]!
      measures[name] = published && !Number.isNaN(value) ? value : null
    }
    const n0 = published ? table.n[local]! : null
    if (table.internal?.[local] === 1) {
      internal.push({ codes, n: n0, status: s, measures })
      continue
    }
    rows.push({ codes: shown(codes), n: n0, status: s, measures })
    n.push(table.n[local]!)
    distance.push(marks.distance[id]!)
    singleton.push(marks.singleton[id] === 1)
  }
  const hierarchies = Object.fromEntries(
    shown(table.hierarchies.map((h, i) => [h.dimension, publishedHierarchy(h, hidden[i]!)] as const)),
  )
  return makeProtectedTable(
    {
      name: table.name,
      dimensions: shown(table.dimensions),
      hierarchies,
      rows,
      ...(table.internalDimensions ? { internal, internalDimensions: table.dimensions } : {}),
    },
    { n, distance, singleton },
  )
}

/** The codes of a dimension whose cells are internal (every cell with such a code is). */
function internalCodes(table: BuiltTable, h: BuiltTable['hierarchies'][number]): Set<number> {
  const d = table.hierarchies.indexOf(h)
  const out = new Set<number>()
  h.codes.forEach((_, index) => {
    if (table.internal?.[index * table.strides[d]!] === 1 && index > 0) out.add(index)
  })
  return out
}

/** A hierarchy as published: internal codes left out, their children under their nearest kept ancestor. */
function publishedHierarchy(h: BuiltTable['hierarchies'][number], internal: ReadonlySet<number>) {
  const kept = (i: number): number => (internal.has(i) ? kept(h.parent[i]!) : i)
  return h.codes.flatMap((code, i) =>
    internal.has(i) ? [] : [{ code, parent: i === 0 ? '' : h.codes[kept(h.parent[i]!)]! }],
  )
}
