/**
 * The follow-up measures of a row that pools cohorts (all periods, or a table without periods)
 * count only the cohorts observed whole (`nb_connus_6m`: the exits of the years observed at 6
 * months). The count minus them is the count of the cohorts not observed yet, so they are the
 * count of a cell of their own: the observed cohorts, a node of the period tree between the total
 * and the years (`_O2025`: every cohort up to 2025). Given to the protection as an internal cell
 * (counted in every relation, its rules applied, never a row), its status says whether the
 * all-periods row may show them; the rates over them are judged there, not on the row.
 * @module
 */
import type { CellMeasureRow, HierarchyRow, RateInput, TableInput } from '../../privacy/index.ts'
import { MEASURES, type MeasureName } from '../definition/catalogue.ts'
import type { TableDefinition } from '../definition/types.ts'
import { lastObservedYear } from '../indicators/cohort.ts'
import type { ObservedCell } from '../release/carry-over.ts'

/** Where an all-periods row's follow-up measures of one horizon come from. */
export type PooledCohorts =
  /** No cohort is observed yet: the measures are 0 and the rates empty. */
  | { readonly kind: 'none' }
  /** Every cohort is: the row's own cell. */
  | { readonly kind: 'all' }
  /** One cohort, `code` a year, or several, `code` an internal node of the period tree. */
  | { readonly kind: 'cell'; readonly code: string; readonly internal: boolean }

const PERIOD = 'periode'
const TOTAL = '_T'
const YEAR = /^\d{4}$/

/**
 * The cell holding the cohorts of `years` (the years with data) observed on `asOf` at `months`.
 *
 * @example
 * pooledCohorts(['2023', '2024', '2025'], 6, '2026-03-31') // { kind: 'cell', code: '_O2024', internal: true }
 */
export function pooledCohorts(years: readonly string[], months: number, asOf: string): PooledCohorts {
  const last = lastObservedYear(asOf, months)
  const observed = years.filter((y) => Number(y) <= last).sort()
  if (observed.length === 0) return { kind: 'none' }
  if (observed.length === years.length) return { kind: 'all' }
  if (observed.length === 1) return { kind: 'cell', code: observed[0]!, internal: false }
  return { kind: 'cell', code: observedNode(years, last)!, internal: true }
}

/** The follow-up horizon of a measure, or of a rate's denominator. */
export function horizonOf(name: MeasureName | string | undefined): number | undefined {
  return name === undefined ? undefined : MEASURES[name as MeasureName]?.followUpMonths
}

/**
 * A table's protection input with its observed cohorts: on a table with periods, the internal
 * nodes of the period tree, their distinct persons (those the all-periods cell's follow-up rates
 * count), and each rate judged where it is published (a follow-up rate on the cell of its observed
 * cohorts, not on the all-periods cell). A table without periods is returned as it is (see
 * {@link withInternalPeriods}). `pooled` gives, per horizon, the population's cell of observed
 * cohorts (see {@link pooledCohorts}); `earlier`, per horizon, the last observed year of each
 * release still online, whose node (`_O2024`) goes in the tree as an internal cell.
 */
export function withObservedCohorts(
  input: TableInput,
  pooled: ReadonlyMap<number, PooledCohorts>,
  earlier: ReadonlyMap<number, readonly number[]> = new Map(),
): TableInput {
  const rates = input.rates ?? []
  const period = input.dimensions.indexOf(PERIOD)
  const hierarchy = input.hierarchies?.[PERIOD]
  // A table without periods gets one first (withInternalPeriods): none is left here.
  if (period < 0 || !hierarchy) return input
  const years = hierarchy.filter((r) => YEAR.test(r.code)).map((r) => r.code)
  // A node per set of observed cohorts that a rate of the table has persons for (its persons rule
  // reads them).
  const served = new Map<string, RateInput[]>()
  for (const r of rates) {
    const h = horizonOf(r.denominator)
    const cell = h === undefined ? undefined : pooled.get(h)
    if (cell?.kind !== 'cell' || !cell.internal || !r.persons) continue
    served.set(cell.code, [...(served.get(cell.code) ?? []), r])
  }
  // Named from the population's years: a table whose own years differ (none does today) would see
  // another set under that name, or none; it gets no node then, and its rows hide what they pool.
  for (const code of [...served.keys()])
    if (observedNode(years, Number(code.slice(2))) !== code) served.delete(code)
  // The observed cohorts of releases still online, whose counts their all-periods rows showed: in
  // the tree too, so that the protection knows them (none of this release's rates is judged there).
  const horizons = new Set((input.measureNames ?? []).flatMap((m) => horizonOf(m) ?? []))
  const held = [...earlier]
    .filter(([h]) => horizons.has(h))
    .flatMap(([, lasts]) => lasts)
    .map((last) => observedNode(years, last))
    .filter((code): code is string => code !== undefined && !served.has(code))
  const nodes = [...new Set([...served.keys(), ...held])].sort().reverse()
  const skip = (r: RateInput): readonly string[] => {
    const h = horizonOf(r.denominator)
    const cell = h === undefined ? undefined : pooled.get(h)
    if (h === undefined) return nodes
    const own = cell?.kind === 'cell' ? cell.code : undefined
    return [...(cell?.kind === 'all' ? [] : [TOTAL]), ...nodes.filter((n) => n !== own)]
  }
  const judged = rates.map((r) => {
    const codes = skip(r).filter((c) => c === TOTAL || nodes.includes(c))
    return codes.length === 0 ? r : { ...r, skip: { dimension: PERIOD, codes } }
  })
  if (nodes.length === 0) return { ...input, rates: judged }
  return {
    ...input,
    hierarchies: { ...input.hierarchies, [PERIOD]: withNodes(hierarchy, nodes, years) },
    rates: judged,
    cellMeasures: [...(input.cellMeasures ?? []), ...nodeMeasures(input, period, served)],
    internal: { ...input.internal, [PERIOD]: nodes },
  }
}

/** The internal node of the cohorts of `years` up to `last`, when they are more than one and not all. */
export function observedNode(years: readonly string[], last: number): string | undefined {
  const observed = years.filter((y) => Number(y) <= last).sort()
  return observed.length > 1 && observed.length < years.length ? `_O${observed.at(-1)}` : undefined
}

/**
 * The period tree with the nodes (`_O2025`, outer first) between the total and their years (also
 * what `passerelle audit DIR` rebuilds from the files).
 */
export function withNodes(
  rows: readonly HierarchyRow[],
  nodes: readonly string[],
  years: readonly string[],
): HierarchyRow[] {
  const lastOf = (node: string) => Number(node.slice(2))
  const innermost = (year: string) => nodes.findLast((n) => Number(year) <= lastOf(n))
  const nested = nodes.map((code, i) => ({ code, parent: i === 0 ? TOTAL : nodes[i - 1]! }))
  const moved = rows.map((r) => {
    if (!years.includes(r.code) || r.parent !== TOTAL) return r
    const node = innermost(r.code)
    return node === undefined ? r : { ...r, parent: node }
  })
  return [...moved.slice(0, 1), ...nested, ...moved.slice(1)]
}

/**
 * The distinct persons of the nodes' cells: on the all-periods cell, a follow-up rate counts the
 * persons of its observed cohorts, those of the node that serves it, and of them those with and
 * without the outcome; the node's persons are its denominator's.
 */
function nodeMeasures(
  input: TableInput,
  period: number,
  served: ReadonlyMap<string, readonly RateInput[]>,
): CellMeasureRow[] {
  const out: CellMeasureRow[] = []
  for (const row of input.cellMeasures ?? []) {
    if (row.codes[period] !== TOTAL) continue
    for (const [node, rates] of served) {
      const values: Record<string, number> = {}
      for (const { persons } of rates) {
        if (!persons) continue
        for (const name of [persons.numerator, persons.denominator, persons.complement])
          if (row.values[name] !== undefined) values[name] = row.values[name]
        const denominator = row.values[persons.denominator]
        if (input.personsMeasure !== undefined && denominator !== undefined)
          values[input.personsMeasure] = denominator
      }
      out.push({ codes: row.codes.map((c, i) => (i === period ? node : c)), values })
    }
  }
  return out
}

/** Finds, among tables of the same population, one whose internal node holds the cohorts up to `last`. */
export function observedCellOf(inputs: readonly TableInput[]): ObservedCell {
  const byName = new Map(inputs.map((i) => [i.name, i]))
  return (table, codes, last) => {
    const population = byName.get(table)?.population
    for (const input of inputs) {
      const nodes = input.internal?.periode
      if (input.population !== population || !nodes) continue
      const periods = input.hierarchies?.periode ?? []
      const years = periods.filter((r) => /^\d{4}$/.test(r.code) && Number(r.code) <= last)
      const code = `_O${years
        .map((r) => r.code)
        .sort()
        .at(-1)}`
      if (!nodes.includes(code)) continue
      const fits = Object.entries(codes).every(
        ([d, c]) => d === 'periode' || input.hierarchies?.[d]?.some((r) => r.code === c) === true,
      )
      if (fits) return { table: input.name, code }
    }
    return undefined
  }
}

/** Per population, the cell of the cohorts observed at each follow-up horizon its tables hold. */
export function observedCohortCells(
  inputs: readonly TableInput[],
  asOf: string,
): Map<string, Map<number, PooledCohorts>> {
  const years = new Map<string, Set<string>>()
  const horizons = new Map<string, Set<number>>()
  for (const input of inputs) {
    const population = input.population ?? ''
    const own = years.get(population) ?? new Set<string>()
    years.set(population, own)
    for (const { code } of input.hierarchies?.periode ?? []) if (/^\d{4}$/.test(code)) own.add(code)
    const months = horizons.get(population) ?? new Set<number>()
    horizons.set(population, months)
    for (const name of input.measureNames ?? []) {
      const h = horizonOf(name)
      if (h !== undefined) months.add(h)
    }
  }
  return new Map(
    [...horizons].map(([population, months]) => [
      population,
      new Map([...months].map((h) => [h, pooledCohorts([...years.get(population)!], h, asOf)])),
    ]),
  )
}

/**
 * A table without periods that shows follow-up measures, as aggregated: by year too, last. Its
 * rows pool every cohort, and only the cell of its observed cohorts can say whether they may show
 * what they count of them (`organismes_insertion`, by organism: no table by period goes down to
 * the organism). Any other table as it is.
 */
export function withInternalPeriods(table: TableDefinition): TableDefinition {
  const pooling =
    !table.dimensions.some((d) => d.name === PERIOD) &&
    table.measures.some((m) => MEASURES[m].followUpMonths !== undefined)
  return pooling ? { ...table, dimensions: [...table.dimensions, { name: PERIOD, depth: 'annee' }] } : table
}

/**
 * The protection input of a table {@link withInternalPeriods} gave a period: its period tree with
 * the observed cohorts' nodes, every code of it internal but the total (never a column, never a
 * row: the years of one organism are what its definition may not publish), and each rate judged
 * only where its rows show it: a follow-up rate on the cell of its observed cohorts, any other on
 * the total. The years stay protected: the total minus the observed cohorts is the latest one.
 */
export function byInternalPeriods(
  input: TableInput,
  pooled: ReadonlyMap<number, PooledCohorts>,
  earlier: ReadonlyMap<number, readonly number[]> = new Map(),
): TableInput {
  const judged = withObservedCohorts(input, pooled, earlier)
  const codes = (judged.hierarchies?.[PERIOD] ?? []).map((r) => r.code).filter((c) => c !== TOTAL)
  // No year (an empty population): the dimension is named all the same, to be left out of the rows.
  if (codes.length === 0) return { ...judged, internal: { ...judged.internal, [PERIOD]: [] } }
  const rates = (judged.rates ?? []).map((r) => {
    const h = horizonOf(r.denominator)
    const cell = h === undefined ? undefined : pooled.get(h)
    const own = cell?.kind === 'cell' ? cell.code : TOTAL
    // Not on the total either when its cell is another: the row keeps its count.
    const others = [TOTAL, ...codes].filter((c) => c !== own)
    return { ...r, skip: { dimension: PERIOD, codes: others } }
  })
  return { ...judged, rates, internal: { ...judged.internal, [PERIOD]: codes } }
}
