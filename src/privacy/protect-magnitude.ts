/**
 * The amounts of the cells a dominance rule makes primary (DOMAIN.md: "Sums of euros by organism";
 * PRIVACY.md §2–3). Such a cell hides its amount, not only its count, and the protection of counts
 * keeps its count within ±10 % but says nothing of its amount: on the financements tables of a
 * demo release, one such amount could be bounded within +3.6 % from what was published. So the
 * tables that name a magnitude are protected a second time, on that measure: the same tables and
 * relations with the amounts (in whole hundredths) as values, the dominance cells primary with a
 * protection distance of their amount's share (at least one unit), and every cell the first pass
 * suppressed held suppressed. The cells this pass suppresses are added to the first pass's as
 * secondary: more suppression cannot narrow any count's interval, so both proofs hold together.
 * @module
 */
import {
  findCells,
  PRIMARY_DOMINANCE,
  type PrimaryMarks,
  PUBLISHED,
  SECONDARY,
} from './apply-primary-rules.ts'
import { type AuditScope, auditSystem } from './audit-system.ts'
import { type BuiltTable, roundedValues } from './build-table.ts'
import { type CellSystem, displayKey, linkTables } from './link-tables.ts'
import type { ResolvedRules } from './primary-rules.ts'
import type { AuditSummary } from './report.ts'
import { suppressSecondary } from './suppress-secondary.ts'
import type { Issue, PublishedCell } from './types.ts'

/** Amounts are protected in hundredths (cents), whole numbers, so that every relation holds exactly. */
const SCALE = 100

/** The first pass's result that the second one extends. */
export interface CountPass {
  readonly system: CellSystem
  readonly marks: PrimaryMarks
  /** Statuses after the first pass's secondary suppression. */
  readonly status: Uint8Array
}

/** The statuses with the magnitude's suppressions added, and the magnitude's audit. */
export interface MagnitudeResult {
  /** The first pass's statuses, with the cells the magnitude's protection needs suppressed (`D`). */
  readonly status: Uint8Array
  readonly issues: readonly Issue[]
  /** Audit of the amounts of the dominance cells (in the measure's unit), when asked for. */
  readonly audit?: AuditSummary
  readonly lpSolved: number
  readonly patterns: number
}

/**
 * Protects the magnitude of every dominance cell of the tables that name one (`TableInput.magnitude`),
 * after the counts (see the module's comment). Tables without a magnitude, or a set without dominance
 * cells, leave the statuses as they are.
 */
export async function protectMagnitude(
  pass: CountPass,
  rulesOf: (table: BuiltTable) => ResolvedRules,
  options: {
    readonly published: readonly PublishedCell[]
    readonly audit: AuditScope | 'none'
  },
): Promise<MagnitudeResult> {
  const status = Uint8Array.from(pass.status)
  const none = { status, issues: [], lpSolved: 0, patterns: 0 }
  const tables = pass.system.tables.flatMap((table): BuiltTable[] => {
    const values = table.magnitude === undefined ? undefined : table.measures?.get(table.magnitude)
    if (!values) return []
    return [{ ...table, n: roundedValues(table, values, (v) => Math.round(v * SCALE)) }]
  })
  if (tables.length === 0) return none
  const linked = linkTables(tables)
  if (!linked.ok) return { ...none, issues: linked.issues }
  const system = linked.value
  const first = firstPassIds(pass.system, system)
  const marks = magnitudeMarks(pass, system, first, rulesOf)
  if (!marks.status.some((s) => s === PRIMARY_DOMINANCE)) return none
  const held = new Uint8Array(system.size)
  for (let c = 0; c < system.size; c++)
    if (pass.status[first[c]!] !== PUBLISHED && marks.status[c] !== PRIMARY_DOMINANCE) held[c] = 1
  // Against outsiders: the counts' pass protects a person alone in a cell from its own knowledge,
  // but a dominant organism knows its own amount, most of the cell's by definition, so that no
  // pattern could keep the cell's amount ±10 % from it (a cell of 9,800 € of one organism and 232 €
  // of another is at least 9,800 € to that organism, whatever is hidden).
  const known = knownAmounts(system, options.published)
  const secondary = await suppressSecondary(system, marks, { singletons: false, known, held })
  for (let c = 0; c < system.size; c++)
    if (secondary.status[c] === SECONDARY && status[first[c]!] === PUBLISHED) status[first[c]!] = SECONDARY
  const narrowed = await narrowedByReleasesOnline(system, marks, held, known, secondary.unprotectable)
  const issues: Issue[] = secondary.unprotectable.map((c) => ({
    path: system.tables[system.homeTable[c]!]!.name,
    code: narrowed.has(c) ? 'disclosure/narrowed-by-release-online' : 'disclosure/unprotectable',
    message: narrowed.has(c)
      ? `no suppression pattern protects the amount of cell ${displayKey(system.keys[c]!)}: amounts a release still online published narrow it, whatever this one hides (withdraw that release, or publish into another folder)`
      : `no suppression pattern protects the amount of cell ${displayKey(system.keys[c]!)}`,
  }))
  if (options.audit === 'none')
    return { status, issues, lpSolved: secondary.lpSolved, patterns: secondary.patterns }
  const audit = await auditSystem(
    { system, status: secondary.status, distance: marks.distance, singleton: marks.singleton },
    options.audit,
    secondary.certificates,
  )
  const unit = (v: number) => Math.round(v) / SCALE
  const summary: AuditSummary = {
    ...audit.summary,
    unprotected: audit.summary.unprotected.map((u) => ({
      ...u,
      cell: `${u.cell} (amount)`,
      value: unit(u.value),
      low: unit(u.low),
      up: unit(u.up),
    })),
  }
  return { status, issues, audit: summary, lpSolved: secondary.lpSolved, patterns: secondary.patterns }
}

/**
 * The unprotectable cells that a pattern would protect if the amounts releases online published
 * could be hidden: those releases narrow them (e.g. published before amounts were protected), and
 * only withdrawing them can help. Run again only when both exist, to word the issue.
 */
async function narrowedByReleasesOnline(
  system: CellSystem,
  marks: PrimaryMarks,
  held: Uint8Array,
  known: Uint8Array,
  unprotectable: readonly number[],
): Promise<Set<number>> {
  if (unprotectable.length === 0 || !known.includes(1)) return new Set()
  const alone = await suppressSecondary(system, marks, { singletons: false, held })
  const still = new Set(alone.unprotectable)
  return new Set(unprotectable.filter((c) => !still.has(c)))
}

/** Per cell of the magnitude's system, its id in the first pass's (every table of it is there). */
function firstPassIds(counts: CellSystem, amounts: CellSystem): Int32Array {
  const ids = new Map(counts.keys.map((key, id) => [key, id]))
  return Int32Array.from(amounts.keys, (key) => ids.get(key)!)
}

/**
 * The dominance cells of the first pass are the primary cells, each with the protection distance of
 * its amount (its table's share, at least one unit of the measure); nothing else is primary, and no
 * cell is a singleton (see protectMagnitude).
 */
function magnitudeMarks(
  pass: CountPass,
  system: CellSystem,
  first: Int32Array,
  rulesOf: (table: BuiltTable) => ResolvedRules,
): PrimaryMarks {
  const status = new Uint8Array(system.size)
  const distance = new Float64Array(system.size)
  const singleton = new Uint8Array(system.size)
  for (let c = 0; c < system.size; c++) {
    const id = first[c]!
    if (pass.marks.status[id] !== PRIMARY_DOMINANCE) continue
    const rules = rulesOf(system.tables[system.homeTable[c]!]!)
    status[c] = PRIMARY_DOMINANCE
    distance[c] = Math.max((system.value[c]! * rules.protectionPercent) / 100, SCALE)
  }
  // Amounts: no floor (a cell of one contributor may hold a few cents).
  return { status, distance, singleton, rateOnly: new Map(), floor: new Float64Array(system.size) }
}

/** Cells whose amount a release still online published as it is now (within half a hundredth). */
function knownAmounts(system: CellSystem, published: readonly PublishedCell[]): Uint8Array {
  const known = new Uint8Array(system.size)
  for (const ref of published)
    for (const { id, table } of findCells(system, ref)) {
      const shown = table.magnitude === undefined ? undefined : ref.measures?.[table.magnitude]
      if (shown !== undefined && Math.abs(shown * SCALE - system.value[id]!) < 0.5) known[id] = 1
    }
  return known
}
