/**
 * Step 4 of publication, on the store: one table aggregated at every level.
 * @module
 */
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { TableDefinition } from '../definition/types.ts'
import { aggregateSql } from './aggregate-sql.ts'
import { planTable } from './plan.ts'
import { type AggregateRow, readCells } from './read-cells.ts'
import type { AggregatedTable } from './types.ts'

/**
 * Aggregates a (checked) table on its population's fact table, built by `buildFacts`: every cell
 * at every level with its additive measures and distinct persons, the finest cells' amounts by
 * contributor, and the codes the data uses. One statement, built from catalogue constants only.
 *
 * @example
 * const cells = await aggregateTable(db, table)
 * const hierarchies = restrict(trees, cells.observed) // then toTableInput(name, table, cells, hierarchies)
 */
export async function aggregateTable(db: Kysely<Database>, table: TableDefinition): Promise<AggregatedTable> {
  const plan = planTable(table)
  const { rows } = await sql.raw<AggregateRow>(aggregateSql(plan)).execute(db)
  return readCells(plan, rows)
}
