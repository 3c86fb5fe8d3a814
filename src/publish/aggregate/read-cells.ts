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
  const measures = [...plan.additive.map((m) => m.name), ...plan.personCounts.map((c) => c.name)]
  const columns = plan.dimensions.map((d) => d.levels.map((l) => l.column))
  // A few grouping ids for up to hundreds of thousands of rows: each one's levels read once (the
  // cells of a grouping set share that array; cells are read-only).
  const levelsById = new Map<number, readonly number[]>()
  const cells = new Map<string, AggregatedCell>()
  const contributors = new Map<string, Record<string, number>>()
  for (const row of rows) {
    const id = Number(row.grouping_id)
    let levels = levelsById.get(id)
    if (!levels) {
      levels = levelsOf(plan, id)
      levelsById.set(id, levels)
    }
    const codes: (string | null)[] = []
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]!
      codes.push(level === 0 ? TOTAL : ((row[columns[i]![level - 1]!] as string | null) ?? null))
    }
    const key = cellKey(levels, codes)
    if (row.by_contributor === true) contributors.set(key, amountsOf(row.contributors))
    else {
      const values: Record<string, number> = {}
      for (const m of measures) values[m] = number(row[m])
      cells.set(key, { levels, codes, values })
    }
  }
  const sorted = [...cells.entries()].sort(([a], [b]) => byteOrder(a, b))
  const depths = plan.dimensions.map((d) => d.levels.length)
  const finest = (cell: AggregatedCell) => cell.levels.every((level, i) => level === depths[i])
  return {
    // Every finest cell of a table with a contributor has its amounts, if only {} (all zero).
    cells: sorted.map(([key, cell]) =>
      plan.contributor && finest(cell) ? { ...cell, contributors: contributors.get(key) ?? {} } : cell,
    ),
    observed: observedCodes(
      plan.dimensions.map((d) => d.name),
      [...cells.values()],
    ),
  }
}

/**
 * A finest cell's amounts by contributor (a JSON object), zeros left out, keys in byte order. Up
 * to one per fact row in all (financements of 1 M dossiers: 757,111), hence no intermediate
 * arrays but the keys, sorted only when they do not come sorted.
 */
function amountsOf(value: unknown): Record<string, number> {
  if (value === null || value === undefined) return {}
  const amounts = value as Record<string, unknown>
  const keys: string[] = []
  let ordered = true
  for (const key in amounts) {
    if (keys.length > 0 && byteOrder(keys[keys.length - 1]!, key) > 0) ordered = false
    keys.push(key)
  }
  if (!ordered) keys.sort(byteOrder)
  const own: Record<string, number> = {}
  for (const key of keys) {
    const amount = number(amounts[key])
    if (amount !== 0) own[key] = amount
  }
  return own
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

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
