/**
 * The finest cells of all the tables of a population, from one scan of its fact rows (README.md,
 * "Finest cells once per population"): one grouping set per table, each table then reading its
 * finest cells from this small table instead of grouping the fact rows again.
 * @module
 */
import type { Population } from '../definition/catalogue.ts'
import { type AggregationPlan, codeColumns, type PersonCount, plansByPopulation } from './plan.ts'

/** Where a population's finest cells are, and the names of what its tables need in them. */
export interface PopulationLeaves {
  readonly population: Population
  /** The (unlogged) table holding the cells. */
  readonly table: string
  /** Per level SQL (as in the plans), its column (`l<i>`), in the order `set_id` reads them. */
  readonly levels: ReadonlyMap<string, string>
  /** Per aggregate SQL of a finest-cell measure (`leafMeasures`), its column (`v<i>`). */
  readonly measures: ReadonlyMap<string, string>
}

/** The names of leaves tables (`like` pattern), for dropping what a killed run left. */
export const LEAVES_TABLES_LIKE = 'publish\\_leaves\\_%'

/** `grouping()` takes at most 31 arguments: the set id is one grouping() per 31 levels. */
const GROUPING_ARGUMENTS = 31

/**
 * The finest-cell measures of a table, as (aggregate SQL, column name): its additive measures, and
 * per persons count the rows of persons of at most `few` rows where its filter holds (added up by
 * inclusion–exclusion, aggregate-sql.ts).
 */
export function leafMeasures(plan: AggregationPlan, few: number): [sql: string, name: string][] {
  return [
    ...plan.additive.map((m): [string, string] => [m.sql, m.name]),
    ...plan.personCounts.map((c): [string, string] => [
      `count(*) filter (where person_rows <= ${few}${c.filter === undefined ? '' : ` and ${c.filter}`})`,
      rowsColumn(c),
    ]),
  ]
}

/**
 * Persons of at most `FEW_ROWS` fact rows (`person_rows`, facts/README.md) are counted by
 * inclusion–exclusion over their rows: each row adds one person to every cell holding it (this column
 * of the leaf and additive CTEs, one per persons count), each pair of a person's rows
 * takes one away from every cell holding both, each triple adds one back, each quadruple takes
 * one away (`overlapCte` of aggregate-sql.ts). All of it
 * adds up from the finest cells, so these persons need no `count(distinct)`. Exact whatever the
 * table's filter: a person's rows in any part of the fact table are at most its `person_rows`.
 * A count of the persons among rows where a filter holds (a rate's numerator) counts a row only
 * where its filter holds, and a pair, triple or quadruple only where it holds for all of them.
 */
export function rowsColumn(count: PersonCount): string {
  return `rows_${count.name}`
}

/**
 * The leaves each population needs for these tables: one entry per population with a table whose
 * finest cells are not split by contributor (those group their rows by contributor too, and keep
 * their own statement), holding every level and every finest-cell measure of those tables, in a
 * table `publish_leaves_<population><suffix>`. `few` gives each plan's `fewRows`. Pure.
 */
export function planPopulationLeaves(
  plans: readonly AggregationPlan[],
  few: (plan: AggregationPlan) => number,
  suffix = '',
): PopulationLeaves[] {
  if (!/^[a-z0-9_]*$/.test(suffix)) throw new Error(`leaves table suffix ${suffix}: expected [a-z0-9_]`)
  return plansByPopulation(plans.filter((plan) => !plan.contributor)).map((group) => {
    const measures = new Set(group.plans.flatMap((plan) => leafMeasures(plan, few(plan)).map(([sql]) => sql)))
    return {
      population: group.population,
      table: `publish_leaves_${group.population.name}${suffix}`,
      levels: new Map(group.levels.map((sql, i) => [sql, `l${i}`])),
      measures: new Map([...measures].map((sql, i) => [sql, `v${i}`])),
    }
  })
}

/**
 * The statement filling the leaves table: per table of the population, its finest cells as one
 * grouping set of the level expressions, with every measure and `set_id` telling the set. The
 * level expressions are grouped as written rather than as columns of a subquery: under grouping
 * sets, PostgreSQL does not read a subquery's expressions' statistics (`levelStatistics`), so
 * its estimates would be those of unknown expressions, hundreds of times too many groups, and it
 * would sort the rows instead of hashing them.
 */
export function createPopulationLeavesSql(
  leaves: PopulationLeaves,
  plans: readonly AggregationPlan[],
): string {
  const { factTable, where } = leaves.population
  const expression = (sql: string) => `((${sql}) collate "C")`
  const levels = [...leaves.levels]
  // Each set in the leaves' order of levels: two tables of the same levels in another order are one
  // set (PostgreSQL would run a set listed twice twice, and each of those tables read it twice).
  const sets = new Set<string>()
  for (const plan of plans) {
    if (plan.contributor || plan.population.name !== leaves.population.name) continue
    const own = new Set(plan.dimensions.flatMap((d) => d.levels.map((l) => l.sql)))
    sets.add(`(${levels.flatMap(([sql]) => (own.has(sql) ? [expression(sql)] : [])).join(', ')})`)
  }
  const columns = [
    `${setIdSql(levels.map(([sql]) => expression(sql)))} as set_id`,
    ...levels.map(([sql, column]) => `${expression(sql)} as ${column}`),
    ...[...leaves.measures].map(([sql, column]) => `${sql} as ${column}`),
  ]
  return `create unlogged table ${leaves.table} as
select ${columns.join(', ')}
from ${factTable} f where ${where}
group by grouping sets (${[...sets].join(', ')})`
}

/**
 * A table's finest cells read from its population's leaves, under the names the table's statement
 * uses (its code columns and measure names, `leafMeasures`).
 */
export function leavesSelect(leaves: PopulationLeaves, plan: AggregationPlan, few: number): string {
  if (leaves.population.name !== plan.population.name)
    throw new Error(`population ${plan.population.name}: given the leaves of ${leaves.population.name}`)
  const levels = plan.dimensions.flatMap((d) => d.levels)
  const codes = codeColumns(plan)
  const columnOf = (map: ReadonlyMap<string, string>, sql: string, what: string): string => {
    const column = map.get(sql)
    if (column === undefined) throw new Error(`leaves of ${plan.population.name}: no ${what} ${sql}`)
    return column
  }
  const grouped = new Set(levels.map((l) => columnOf(leaves.levels, l.sql, 'level')))
  const id = setIdValue([...leaves.levels.values()].map((column) => grouped.has(column)))
  const selected = [
    ...levels.map((l, i) => `${columnOf(leaves.levels, l.sql, 'level')} as ${codes[i]}`),
    ...leafMeasures(plan, few).map(
      ([sql, name]) => `${columnOf(leaves.measures, sql, 'measure')} as ${name}`,
    ),
  ]
  return `select ${selected.join(', ')} from ${leaves.table} where set_id = '${id}'`
}

/** `set_id`: `grouping()` of the levels, 31 at a time, joined by dots. */
function setIdSql(expressions: readonly string[]): string {
  return chunks(expressions)
    .map((chunk) => `grouping(${chunk.join(', ')})::text`)
    .join(` || '.' || `)
}

/**
 * The `set_id` of the set grouping these levels (true: in the set): in each `grouping()` the first
 * argument is the highest bit, set when it is aggregated away.
 */
export function setIdValue(inSet: readonly boolean[]): string {
  return chunks(inSet)
    .map((chunk) => chunk.reduce((id, grouped) => id * 2 + (grouped ? 0 : 1), 0))
    .join('.')
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += GROUPING_ARGUMENTS) out.push(items.slice(i, i + GROUPING_ARGUMENTS))
  return out
}
