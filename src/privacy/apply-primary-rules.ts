/**
 * Marks primary cells (status `A` or `B`) with their protection distance and singleton flag.
 * @module
 */
import type { BuiltTable } from './build-table.ts'
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
   * Cells whose rates break the rules: per measure of those rates (numerators, and denominators
   * other than the count when they are the small group), its protection need. Those measures are
   * protected on their own (protect-rates.ts). A cell whose count breaks no rule publishes its
   * count and is not primary in `status`; one small by its count hides them with it.
   */
  readonly rateOnly: ReadonlyMap<number, ReadonlyMap<string, RateMark>>
}

/** The protection a rate's measure needs in one cell. */
export interface RateMark {
  /**
   * Distance below and above the measure's value: for a numerator, that of the smaller of it and
   * its complement (the small group the rate would tell about); for a denominator, its own.
   */
  readonly distance: number
  /** A numerator of one person, who knows it. */
  readonly singleton: boolean
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
): { marks: PrimaryMarks; issues: Issue[] } {
  const issues: Issue[] = []
  const status = new Uint8Array(system.size)
  const distance = new Float64Array(system.size)
  const singleton = new Uint8Array(system.size)
  const rateMeasures = new Map<number, Map<string, RateMark>>()
  const markRate = (id: number, name: string, need: RateMark) => {
    const names = rateMeasures.get(id) ?? new Map<string, RateMark>()
    rateMeasures.set(id, names)
    const before = names.get(name)
    names.set(name, {
      distance: Math.max(before?.distance ?? 0, need.distance),
      singleton: (before?.singleton ?? false) || need.singleton,
    })
  }
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
        r.persons
          ? isRatePersonsUnsafe(rules, r.denominator[local]!, {
              denominator: r.persons.denominator[local]!,
              numerator: r.persons.numerator[local]!,
              complement: r.persons.complement[local]!,
            })
          : isRateUnsafe(rules, r.denominator[local]!, r.numerator[local]!),
      )
      // A rate that breaks the rules hides its numerator (and so its complement) and a denominator
      // other than the count, not the count: the persons rule alone says whether the count may be
      // shown. A rate whose numerator is the count itself, or a measure that does not add up
      // (which no additive protection could hide), falls back on the count.
      const hidesCount = unsafeRates.some(
        (r) => r.names[0] === undefined || r.names.some((m) => m !== undefined && !table.measures?.has(m)),
      )
      const countUnsafe =
        isFrequencyUnsafe(rules, n, table.numerator?.[local]) ||
        (persons !== undefined && isFrequencyUnsafe(rules, persons, undefined)) ||
        hidesCount
      if (countUnsafe) {
        mark(id, PRIMARY_FREQUENCY, rules, single)
      }
      // A cell small by its count hides its rates' measures with it, but the count's protection
      // says nothing of them: they are protected on their own too, as for a safe count.
      if (!hidesCount)
        for (const rate of unsafeRates) {
          const [numerator, denominator] = rate.names
          const num = rate.numerator[local]!
          const den = rate.denominator[local]!
          markRate(id, numerator!, {
            distance: protectionDistance(rules, Math.max(0, Math.min(num, den - num))),
            singleton: rate.persons ? rate.persons.numerator[local] === 1 : num === 1,
          })
          // The denominator is hidden only when it is the small group; a numerator or complement
          // too small is hidden by the numerator alone, the denominator published.
          const base = rate.persons ? rate.persons.denominator[local]! : den
          if (denominator !== undefined && rules.rate !== false && base < rules.rate.minDenominator)
            markRate(id, denominator, { distance: protectionDistance(rules, den), singleton: false })
        }
      if (contributions && isDominanceUnsafe(rules, contributions)) {
        mark(id, PRIMARY_DOMINANCE, rules, single)
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
    for (const { id, table, local } of found) {
      if (ref.measure !== undefined) {
        // A measure a release online hid while it showed the count: hidden again, with the need
        // its value has now.
        const values = table.measures?.get(ref.measure)
        if (values) markRate(id, ref.measure, measureNeed(table, local, ref.measure, rulesOf(table)))
        continue
      }
      mark(
        id,
        ref.status === 'B' ? PRIMARY_DOMINANCE : PRIMARY_FREQUENCY,
        rulesOf(table),
        ref.singleton === true,
      )
    }
  }
  return { marks: { status, distance, singleton, rateOnly: rateMeasures }, issues }
}

/**
 * The protection need of a measure of a cell named by a reference: as a numerator of the table's
 * rates (its smaller side), else its own value.
 */
function measureNeed(table: BuiltTable, local: number, name: string, rules: ResolvedRules): RateMark {
  const value = table.measures?.get(name)?.[local] ?? 0
  const rate = table.rates?.find((r) => r.names[0] === name)
  const small = rate ? Math.max(0, Math.min(value, rate.denominator[local]! - value)) : value
  return { distance: protectionDistance(rules, small), singleton: false }
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
