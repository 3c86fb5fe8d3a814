/**
 * Aggregated cells → the privacy library's `TableInput`. Pure.
 * @module
 */
import type { CellMeasureRow, HierarchyRow, LeafRow, RateInput, TableInput } from '../../privacy/index.ts'
import { MEASURES } from '../definition/catalogue.ts'
import type { TableDefinition } from '../definition/types.ts'
import { planTable } from './plan.ts'
import type { AggregatedCell, AggregatedTable } from './types.ts'

/** A node of a dimension's tree, as `src/publish/definition/hierarchies.ts` gives it. */
export interface HierarchyEntry {
  readonly code: string
  readonly parent: string
  readonly level: string
}

/** A finding of this step. */
export interface AggregateIssue {
  readonly path: string
  readonly code: 'aggregate/unknown-code'
  readonly message: string
}

export type TableInputResult =
  | { readonly ok: true; readonly value: TableInput; readonly issues: readonly AggregateIssue[] }
  | { readonly ok: false; readonly issues: readonly AggregateIssue[] }

/**
 * The protection input of a table: its finest cells (`n` the population's count, the `sum`
 * measures, the dominance measure by contributor), its rates with the distinct persons the rate
 * rules count, the distinct persons of every cell at every level, and its hierarchies as given
 * (already cut to the data by the caller).
 * A cell whose code is not in its dimension's hierarchy (or has no code) is an error
 * `aggregate/unknown-code`: its values could not be placed in the table.
 *
 * @example
 * const input = toTableInput('formation-entrees/entrees_region', table, await aggregateTable(db, table), hierarchies)
 * if (input.ok) protectTables([input.value], rules)
 */
export function toTableInput(
  name: string,
  table: TableDefinition,
  aggregated: AggregatedTable,
  hierarchies: Readonly<Record<string, readonly HierarchyEntry[]>>,
): TableInputResult {
  const plan = planTable(table)
  const dimensions = plan.dimensions.map((d) => d.name)
  const issues = unknownCodes(name, dimensions, aggregated.cells, hierarchies)
  if (issues.length > 0) return { ok: false, issues }
  const count = plan.population.count
  const sums = plan.additive.map((m) => m.name).filter((m) => m !== count)
  const depths = plan.dimensions.map((d) => d.levels.length)
  const rows: LeafRow[] = aggregated.cells
    .filter((cell) => cell.levels.every((level, i) => level === depths[i]))
    .map((cell) => ({
      codes: cell.codes as string[],
      n: cell.values[count] ?? 0,
      ...(sums.length > 0 ? { measures: pick(cell.values, sums) } : {}),
      ...(cell.contributors ? { contributors: cell.contributors } : {}),
    }))
  const rates = table.measures.flatMap((m): RateInput[] => {
    const measure = MEASURES[m].measure
    if (measure.kind !== 'rate') return []
    const { numerator, denominator } = measure
    const counted = plan.ratePersons.find((r) => r.rate === m)
    const persons = counted && {
      numerator: counted.numerator,
      denominator: counted.denominator,
      complement: counted.complement,
    }
    return [{ numerator, ...(denominator === count ? {} : { denominator }), ...(persons ? { persons } : {}) }]
  })
  const persons = plan.persons?.name
  // Distinct persons at every level: the published measure, and those the rate rules count.
  const counted = plan.personCounts.map((c) => c.name)
  const cellMeasures: CellMeasureRow[] | undefined =
    counted.length > 0
      ? aggregated.cells.map((cell) => ({
          codes: cell.codes as string[],
          values: pick(cell.values, counted),
        }))
      : undefined
  const value: TableInput = {
    name,
    dimensions,
    population: table.population,
    rows,
    ...(sums.length > 0 ? { measureNames: sums } : {}),
    hierarchies: Object.fromEntries(dimensions.map((d) => [d, hierarchyRows(hierarchies[d] ?? [])])),
    ...(rates.length > 0 ? { rates } : {}),
    ...(cellMeasures ? { cellMeasures } : {}),
    ...(persons ? { personsMeasure: persons } : {}),
    // The euros the dominance rules are about: their cells get an interval on them too.
    ...(plan.contributor ? { magnitude: plan.contributor.measure } : {}),
  }
  return { ok: true, value, issues: [] }
}

/** Every code of a cell below the total that its dimension's hierarchy lacks, once each. */
function unknownCodes(
  name: string,
  dimensions: readonly string[],
  cells: readonly AggregatedCell[],
  hierarchies: Readonly<Record<string, readonly HierarchyEntry[]>>,
): AggregateIssue[] {
  const issues: AggregateIssue[] = []
  dimensions.forEach((dimension, i) => {
    const known = new Set((hierarchies[dimension] ?? []).map((n) => n.code))
    const reported = new Set<string | null>()
    for (const cell of cells) {
      const code = cell.codes[i] ?? null
      if (cell.levels[i] === 0 || (code !== null && known.has(code)) || reported.has(code)) continue
      reported.add(code)
      issues.push({
        path: `${name}/${dimension}`,
        code: 'aggregate/unknown-code',
        message:
          code === null
            ? `table ${name}: rows without a code for dimension ${dimension}`
            : `table ${name}: code ${code} of dimension ${dimension} is not in its hierarchy`,
      })
    }
  })
  return issues
}

function hierarchyRows(nodes: readonly HierarchyEntry[]): HierarchyRow[] {
  return nodes.map((n) => ({ code: n.code, parent: n.parent }))
}

function pick(values: Readonly<Record<string, number>>, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, values[n] ?? 0]))
}
