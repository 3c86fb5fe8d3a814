/**
 * The baseline of the aggregation benchmark: the plain `GROUP BY GROUPING SETS` a reader would
 * write for the same cells, on the fact rows, with `count(*)` only.
 * @module
 */
import type { TableDefinition } from '../definition/types.ts'
import { groupingIdSql, groupingSets, groupingSetsClause } from './grouping-sets.ts'
import { codeColumns, planTable } from './plan.ts'

/**
 * The plain statement: same cells and columns (`grouping_id`, `d<i>_<j>`) as `aggregateTable`,
 * with the population's count as `n` and nothing else.
 *
 * @example
 * await client.query(plainGroupingSetsSql(table)) // rows: { grouping_id, d0_0, …, n }
 */
export function plainGroupingSetsSql(table: TableDefinition): string {
  const plan = planTable(table)
  const levels = plan.dimensions.flatMap((d) => d.levels.map((l) => `${l.sql} as ${l.column}`))
  const { factTable, where } = plan.population
  return `select ${groupingIdSql(plan)} as grouping_id, ${codeColumns(plan).join(', ')}, count(*) as n
from (select ${levels.join(', ')} from ${factTable} where ${where}) fact
group by ${groupingSetsClause(groupingSets(plan))}`
}
