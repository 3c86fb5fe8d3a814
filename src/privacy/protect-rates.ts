/**
 * The measures of rates that break the rate rules (DOMAIN.md: "Rates"), protected on their own.
 * Such a cell's count breaks no rule: it is published, and what the cell hides is the rate's
 * numerator (and with it the complement) and a denominator other than the count. Hiding them in
 * the cell is not enough when its neighbours and margins show theirs: a numerator is additive,
 * so the published ones would give it by difference. So each such measure is protected as a
 * variable of its own, as the amounts of dominance cells are (protect-magnitude.ts): the tables
 * holding it, linked, with its values as the cells' values; the cells whose rate breaks the rules
 * primary, with the distance of their small side; the cells the counts' protection suppressed
 * held (their measures are hidden with them); the values a release online published as they are
 * now known. The suppressions this pass chooses hide that measure only (and the rates and
 * intervals computed from it), not the count: counts and this measure share no relation.
 * @module
 */
import { PRIMARY_FREQUENCY, type PrimaryMarks, PUBLISHED } from './apply-primary-rules.ts'
import { type AuditScope, auditSystem } from './audit-system.ts'
import { type BuiltTable, roundedValues } from './build-table.ts'
import { type CellSystem, displayKey, linkTables } from './link-tables.ts'
import type { AuditSummary } from './report.ts'
import { suppressSecondary } from './suppress-secondary.ts'
import type { Issue } from './types.ts'

/** What the counts' protection decided, which the measures' protection extends. */
export interface CountsPass {
  readonly system: CellSystem
  readonly marks: PrimaryMarks
  /** Statuses of the counts after every earlier pass. */
  readonly status: Uint8Array
}

/** Options of {@link protectRateMeasures}. */
export interface RateMeasureOptions {
  /** Per cell of the counts' system, the measures whose value now a release online published. */
  readonly publicMeasures: ReadonlyMap<number, ReadonlySet<string>>
  /** Per measure, the cells (counts' ids) a release online suppressed as secondary for it alone. */
  readonly held: ReadonlyMap<string, ReadonlySet<number>>
  readonly audit: AuditScope | 'none'
}

/** Per measure, the statuses of its values, and what the passes found and cost. */
export interface RateMeasureResult {
  /**
   * Per measure protected here, per cell of the counts' system: 0 `V`, 1 `A`, 3 `D` for that
   * measure (cells of a table without the measure stay 0). A cell whose count is suppressed hides
   * the measure whatever this says.
   */
  readonly status: ReadonlyMap<string, Uint8Array>
  readonly issues: readonly Issue[]
  readonly audit?: AuditSummary
  readonly lpSolved: number
  readonly patterns: number
}

/**
 * Protects every measure that a rate breaking the rules hides (`marks.rateOnly`), one pass per
 * measure over the tables that hold it (see the module's comment).
 */
export async function protectRateMeasures(
  pass: CountsPass,
  options: RateMeasureOptions,
): Promise<RateMeasureResult> {
  const names = new Set<string>()
  for (const needs of pass.marks.rateOnly.values()) for (const name of needs.keys()) names.add(name)
  for (const name of options.held.keys()) names.add(name)
  const status = new Map<string, Uint8Array>()
  const issues: Issue[] = []
  const audits: AuditSummary[] = []
  let lpSolved = 0
  let patterns = 0
  for (const name of [...names].sort()) {
    const one = await protectMeasure(pass, name, options)
    if (!one) continue
    status.set(name, one.status)
    issues.push(...one.issues)
    if (one.audit) audits.push(one.audit)
    lpSolved += one.lpSolved
    patterns += one.patterns
  }
  const audit =
    options.audit === 'none'
      ? undefined
      : {
          checked: audits.reduce((sum, a) => sum + a.checked, 0),
          unprotected: audits.flatMap((a) => a.unprotected),
          singletonChecks: audits.reduce((sum, a) => sum + a.singletonChecks, 0),
          ok: audits.every((a) => a.ok),
        }
  return { status, issues, ...(audit ? { audit } : {}), lpSolved, patterns }
}

/** One measure's pass: its statuses over the counts' cells. */
interface MeasurePass {
  readonly status: Uint8Array
  readonly issues: readonly Issue[]
  readonly audit?: AuditSummary
  readonly lpSolved: number
  readonly patterns: number
}

async function protectMeasure(
  pass: CountsPass,
  name: string,
  options: RateMeasureOptions,
): Promise<MeasurePass | undefined> {
  const tables = pass.system.tables.flatMap((table): BuiltTable[] => {
    const values = table.measures?.get(name)
    return values ? [{ ...table, n: roundedValues(table, values, Math.round) }] : []
  })
  if (tables.length === 0) return undefined
  const linked = linkTables(tables)
  const out = new Uint8Array(pass.system.size)
  if (!linked.ok) return { status: out, issues: linked.issues, lpSolved: 0, patterns: 0 }
  // A rate's operand counts units of its cell's population: no cell's is above the largest count,
  // which bounds it for the attacker (its own largest value may be 0: outcomes not known yet).
  const system: CellSystem = { ...linked.value, upper: Math.max(linked.value.upper, pass.system.upper) }
  const ids = new Map(pass.system.keys.map((key, id) => [key, id]))
  const first = Int32Array.from(system.keys, (key) => ids.get(key)!)
  const marks: PrimaryMarks = {
    status: new Uint8Array(system.size),
    distance: new Float64Array(system.size),
    singleton: new Uint8Array(system.size),
    rateOnly: new Map(),
  }
  const held = new Uint8Array(system.size)
  const known = new Uint8Array(system.size)
  const heldHere = options.held.get(name)
  for (let c = 0; c < system.size; c++) {
    const id = first[c]!
    const need = pass.marks.rateOnly.get(id)?.get(name)
    if (need) {
      marks.status[c] = PRIMARY_FREQUENCY
      marks.distance[c] = need.distance
      if (need.singleton) marks.singleton[c] = 1
    } else if (pass.status[id] !== PUBLISHED || heldHere?.has(id)) held[c] = 1
    else if (options.publicMeasures.get(id)?.has(name)) known[c] = 1
  }
  if (!marks.status.includes(PRIMARY_FREQUENCY) && !held.includes(1))
    return { status: out, issues: [], lpSolved: 0, patterns: 0 }
  // No LP is spent looking for cheaper certificates than hypercubes: there is a pass per measure,
  // and a hidden measure costs far less than a hidden count.
  const secondary = await suppressSecondary(system, marks, { known, held, refineBudget: 0 })
  for (let c = 0; c < system.size; c++) out[first[c]!] = secondary.status[c]!
  const issues: Issue[] = secondary.unprotectable.map((c) => ({
    path: system.tables[system.homeTable[c]!]!.name,
    code: 'disclosure/unprotectable',
    message: `no suppression pattern protects ${name} of cell ${displayKey(system.keys[c]!)}`,
  }))
  const result = { status: out, issues, lpSolved: secondary.lpSolved, patterns: secondary.patterns }
  if (options.audit === 'none') return result
  const audit = await auditSystem(
    { system, status: secondary.status, distance: marks.distance, singleton: marks.singleton },
    options.audit,
    secondary.certificates,
  )
  const summary: AuditSummary = {
    ...audit.summary,
    unprotected: audit.summary.unprotected.map((u) => ({ ...u, cell: `${u.cell} (${name})` })),
  }
  return { ...result, audit: summary }
}
