/**
 * The grouping sets of a table: every combination of one level per dimension (or its total),
 * each level grouped with the levels above it, and how to read a row's level back from
 * `grouping()`.
 * @module
 */
import { type AggregationPlan, codeColumns } from './plan.ts'

/**
 * The grouping sets, as lists of code columns: the product over dimensions of their prefixes
 * (`()`, `(region)`, `(region, departement)`…). Grouping a level with its ancestors costs
 * nothing (they are functions of it) and lets PostgreSQL serve a whole chain of sets with
 * one sort.
 *
 * @example
 * groupingSets(plan) // for territoire (2 levels) × sexe: [[], ['d1_0'], ['d0_0'], ['d0_0', 'd1_0'], …] (6 sets)
 */
export function groupingSets(plan: AggregationPlan): string[][] {
  let sets: string[][] = [[]]
  for (const dimension of plan.dimensions) {
    const prefixes = dimension.levels.map((_, k) => dimension.levels.slice(0, k + 1).map((l) => l.column))
    sets = sets.flatMap((set) => [set, ...prefixes.map((prefix) => [...set, ...prefix])])
  }
  return sets
}

/** `grouping sets ((…), (…), ())` for the given column lists. */
export function groupingSetsClause(sets: readonly (readonly string[])[]): string {
  return `grouping sets (${sets.map((s) => `(${s.join(', ')})`).join(', ')})`
}

/** The SQL of the grouping id of a row: `grouping(…)` of every code column, in order. */
export function groupingIdSql(plan: AggregationPlan, rename: (column: string) => string = (c) => c): string {
  const columns = codeColumns(plan)
  // grouping() returns an integer bit mask: one bit per argument.
  if (columns.length > 31) throw new Error(`${columns.length} code columns: grouping() takes at most 31`)
  return `grouping(${columns.map(rename).join(', ')})`
}

/**
 * Per dimension, the level of a row given its grouping id: 0 for the total, k when the k top
 * levels are grouped. In the mask the first column is the highest bit, set when aggregated away.
 */
export function levelsOf(plan: AggregationPlan, groupingId: number): number[] {
  const columns = codeColumns(plan)
  let bit = columns.length - 1
  return plan.dimensions.map((dimension) => {
    let level = 0
    for (const _ of dimension.levels) {
      if ((groupingId & (1 << bit)) === 0) level++
      bit--
    }
    return level
  })
}
