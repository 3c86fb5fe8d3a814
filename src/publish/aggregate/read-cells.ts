/**
 * Rows of the aggregation statement → cells. Pure.
 * @module
 */
import type { DimensionName } from '../definition/catalogue.ts'
import { levelsOf } from './grouping-sets.ts'
import type { AggregationPlan } from './plan.ts'
import { type AggregatedCell, type AggregatedTable, TOTAL } from './types.ts'

/** Key of the rows whose contributor is null (an organism the data does not name): one contributor. */
export const UNKNOWN_CONTRIBUTOR = '_inconnu'

/** One row of `aggregateSql`. */
export type AggregateRow = Readonly<Record<string, unknown>>

/**
 * Reads the statement's rows: a cell per row, except rows by contributor, whose amounts become the
 * `contributors` of their finest cell. A null measure (a sum over nothing) reads as 0; a
 * contributor's amount of 0 is left out, so that it does not count as a contributor.
 */
export function readCells(plan: AggregationPlan, rows: readonly AggregateRow[]): AggregatedTable {
  const measures = [...plan.additive.map((m) => m.name), ...(plan.persons ? [plan.persons.name] : [])]
  const cells = new Map<string, AggregatedCell>()
  const contributors = new Map<string, Record<string, number>>()
  for (const row of rows) {
    const levels = levelsOf(plan, Number(row.grouping_id))
    const codes = plan.dimensions.map((d, i) => {
      const level = levels[i]!
      return level === 0 ? TOTAL : ((row[d.levels[level - 1]!.column] as string | null) ?? null)
    })
    const key = cellKey(levels, codes)
    if (row.by_contributor === true) {
      const amounts = (row.contributors ?? {}) as Record<string, unknown>
      const own: Record<string, number> = {}
      for (const [contributor, amount] of Object.entries(amounts))
        if (number(amount) !== 0) own[contributor] = number(amount)
      contributors.set(key, own)
    } else {
      cells.set(key, { levels, codes, values: Object.fromEntries(measures.map((m) => [m, number(row[m])])) })
    }
  }
  const sorted = [...cells.entries()].sort(([a], [b]) => byteOrder(a, b))
  const depths = plan.dimensions.map((d) => d.levels.length)
  const finest = (cell: AggregatedCell) => cell.levels.every((level, i) => level === depths[i])
  return {
    // Every finest cell of a table with a contributor has its amounts, if only {} (all zero).
    cells: sorted.map(([key, cell]) =>
      plan.contributor && finest(cell)
        ? { ...cell, contributors: sortKeys(contributors.get(key) ?? {}) }
        : cell,
    ),
    observed: observedCodes(
      plan.dimensions.map((d) => d.name),
      [...cells.values()],
    ),
  }
}

/** Per dimension, the codes of every cell below the total, sorted. */
function observedCodes(dimensions: readonly DimensionName[], cells: readonly AggregatedCell[]) {
  const observed: Partial<Record<DimensionName, string[]>> = {}
  dimensions.forEach((name, i) => {
    const codes = new Set<string>()
    for (const cell of cells) {
      const code = cell.codes[i]
      if (cell.levels[i]! > 0 && code !== null && code !== undefined) codes.add(code)
    }
    observed[name] = [...codes].sort(byteOrder)
  })
  return observed
}

function cellKey(levels: readonly number[], codes: readonly (string | null)[]): string {
  // Levels first so that cells sort total first, then level by level; U+0000 is in no code.
  return [...levels.map(String), ...codes.map((c) => (c === null ? '\u0001' : `\u0002${c}`))].join('\u0000')
}

function number(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value)
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byteOrder(a, b)))
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
