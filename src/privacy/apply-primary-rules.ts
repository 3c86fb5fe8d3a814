/**
 * Marks primary cells (status `A` or `B`) with their protection distance and singleton flag.
 * @module
 */
import type { BuiltTable } from './build-table.ts'
import { statusFloor } from './floor.ts'
import type { CellSystem } from './link-tables.ts'
import {
  isDominanceUnsafe,
  isFrequencyUnsafe,
  isRatePersonsUnsafe,
  isRateUnsafe,
  needsContributions,
  protectionDistance,
  type ResolvedRules,
} from './primary-rules.ts'
import type { CellRef, Issue } from './types.ts'

/** Status codes as stored in typed arrays. */
export const STATUS_CODES = ['V', 'A', 'B', 'D'] as const
export const PUBLISHED = 0
export const PRIMARY_FREQUENCY = 1
export const PRIMARY_DOMINANCE = 2
export const SECONDARY = 3

/** Primary marks over a cell system. */
export interface PrimaryMarks {
  /** Per cell: 0 published, 1 `A`, 2 `B`. */
  readonly status: Uint8Array
  /** Per cell: protection distance below and above the value (0 for non-primary cells). */
  readonly distance: Float64Array
  /** Per cell: 1 when a single contributor knows the value (n = 1, one contribution, or declared). */
  readonly singleton: Uint8Array
  /**
   * Primary cells whose count breaks no rule, only rates do: the measures of those rates
   * (numerators, and denominators other than the count). What such a cell hides is those
   * measures, not its count (suppress-secondary.ts uses this when its count is public already).
   */
  readonly rateOnly: ReadonlyMap<number, ReadonlySet<string>>
  /**
   * Per cell, the least value an attacker knows it holds whatever is suppressed (floor.ts): 1 for a
   * primary cell shown with its status (`A`, `B`: a primary holds at least one person or
   * contributor, as empty cells are published as 0), a margin at least the sum of its children's,
   * else 0 (counts are never negative). Every certificate, pattern and audit keeps suppressed cells
   * at or above it, and a primary's interval need not reach below it: with 0 for a shown primary,
   * six `A` cells whose published margin exceeded their published siblings by 6 passed as
   * protected, each of them being exactly 1.
   */
  readonly floor: Float64Array
}

/**
 * Applies each table's rules to its cells and adds the extra primary cells. Issues:
 * `rules/missing-magnitude` (a dominance rule on a table without contributions), `table/unknown-code`
 * (an extra primary naming a code or table that does not exist).
 */
export function applyPrimaryRules(
  system: CellSystem,
  rulesOf: (table: BuiltTable) => ResolvedRules,
  extra: readonly CellRef[] = [],
  options: { readonly statusesShown?: boolean } = {},
): { marks: PrimaryMarks; issues: Issue[] } {
  const issues: Issue[] = []
  const status = new Uint8Array(system.size)
  const distance = new Float64Array(system.size)
  const singleton = new Uint8Array(system.size)
  const rateMeasures = new Map<number, Set<string>>()
  // Cells made primary by anything else than a rate over measures (in any table that holds them).
  const byCount = new Uint8Array(system.size)
  const mark = (id: number, code: number, rules: ResolvedRules, single: boolean) => {
    status[id] = Math.max(status[id]!, code)
    distance[id] = Math.max(distance[id]!, protectionDistance(rules, system.value[id]!))
    if (single) singleton[id] = 1
  }
  system.tables.forEach((table, t) => {
    const rules = rulesOf(table)
    const ids = system.cellIds[t]!
    // An empty table (no unit in any cell) has nothing to dominate: it needs no contributions.
    if (needsContributions(rules) && !table.contributions && table.n.some((n) => n > 0)) {
      issues.push({
        path: table.name,
        code: 'rules/missing-magnitude',
        message: 'dominance rule without contributions',
      })
      return
    }
    for (let local = 0; local < table.size; local++) {
      const n = table.n[local]!
      const contributions = table.contributions?.[local]
      const persons = table.persons?.[local]
      const single = n === 1 || persons === 1 || contributions?.length === 1
      const id = ids[local]!
      const unsafeRates = (table.rates ?? []).filter((r) =>
        r.skip?.[local] === 1
          ? false
          : r.persons
            ? isRatePersonsUnsafe(rules, r.denominator[local]!, {
                denominator: r.persons.denominator[local]!,
                numerator: r.persons.numerator[local]!,
                complement: r.persons.complement[local]!,
              })
            : isRateUnsafe(rules, r.denominator[local]!, r.numerator[local]!),
      )
      // A rate that breaks the rules hides its numerator (and complement), not the count: the
      // persons rule alone says whether the count may be shown.
      const rateNames = unsafeRates.flatMap((r) => r.names.filter((m): m is string => m !== undefined))
      const countUnsafe =
        isFrequencyUnsafe(rules, n, table.numerator?.[local]) ||
        (persons !== undefined && isFrequencyUnsafe(rules, persons, undefined)) ||
        (unsafeRates.length > 0 && rateNames.length === 0)
      if (countUnsafe || unsafeRates.length > 0) mark(id, PRIMARY_FREQUENCY, rules, single)
      if (countUnsafe) byCount[id] = 1
      else if (unsafeRates.length > 0) {
        const names = rateMeasures.get(id) ?? new Set<string>()
        rateMeasures.set(id, names)
        for (const name of rateNames) names.add(name)
      }
      if (contributions && isDominanceUnsafe(rules, contributions)) {
        mark(id, PRIMARY_DOMINANCE, rules, single)
        byCount[id] = 1
      }
    }
  })
  for (const ref of extra) {
    const found = findCells(system, ref)
    if (found.length === 0) {
      const where = Object.entries(ref.codes).map(([d, c]) => `${d}=${c}`)
      issues.push({
        path: ref.origin?.path ?? ref.table ?? 'primary',
        code: 'table/unknown-code',
        message: `no such cell: ${where.join(',')}`,
        ...(ref.origin ? { line: ref.origin.line } : {}),
      })
    }
    for (const { id, table } of found) {
      byCount[id] = 1
      mark(
        id,
        ref.status === 'B' ? PRIMARY_DOMINANCE : PRIMARY_FREQUENCY,
        rulesOf(table),
        ref.singleton === true,
      )
    }
  }
  for (const id of rateMeasures.keys()) if (byCount[id] === 1) rateMeasures.delete(id)
  const floor = options.statusesShown === false ? new Float64Array(system.size) : shownFloor(system, status)
  return { marks: { status, distance, singleton, rateOnly: rateMeasures, floor }, issues }
}

/**
 * PrimaryMarks.floor when statuses are published: 1 for a primary cell of at least one unit that
 * some table shows as a row (a cell internal everywhere is never shown, nor is its status), summed
 * up the relations (floor.ts).
 */
function shownFloor(system: CellSystem, status: Uint8Array): Float64Array {
  const shown = new Uint8Array(system.size)
  system.tables.forEach((table, t) => {
    const ids = system.cellIds[t]!
    for (let local = 0; local < ids.length; local++) if (table.internal?.[local] !== 1) shown[ids[local]!] = 1
  })
  return statusFloor(system, (c) => status[c] !== PUBLISHED && shown[c] === 1 && system.value[c]! >= 1)
}

/** The distinct cells a reference names, in every table it applies to. */
export function findCells(
  system: CellSystem,
  ref: CellRef,
): { id: number; table: BuiltTable; local: number }[] {
  const out: { id: number; table: BuiltTable; local: number }[] = []
  system.tables.forEach((table, t) => {
    if (ref.table !== undefined && ref.table !== table.name) return
    if (Object.keys(ref.codes).some((d) => !table.dimensions.includes(d))) return
    let local = 0
    for (let i = 0; i < table.hierarchies.length; i++) {
      const h = table.hierarchies[i]!
      const code = ref.codes[h.dimension]
      const index = code === undefined ? 0 : h.index.get(code)
      if (index === undefined) return
      local += index * table.strides[i]!
    }
    out.push({ id: system.cellIds[t]![local]!, table, local })
  })
  return out
}
