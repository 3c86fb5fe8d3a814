/**
 * Step 4 of publication, on the store: tables aggregated at every level, with the overlap terms
 * their populations share.
 * @module
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import { mapLimit } from '../../lib/map-limit.ts'
import type { TableDefinition } from '../definition/types.ts'
import { aggregateSql } from './aggregate-sql.ts'
import { createOverlapTermsSql, OVERLAP_TABLES_LIKE, planOverlapTerms } from './overlap-terms.ts'
import { planTable } from './plan.ts'
import { type AggregateRow, readCells } from './read-cells.ts'
import type { AggregatedTable } from './types.ts'

/**
 * Session settings of an aggregation statement, `set local` in its transaction. Its sorts (grouping
 * sets, distinct persons) spill to disk under the 4 MB default: 128 MB halves the time of a table
 * of 1 M dossiers; work_mem bounds each sort, it is not allocated up front. Hash aggregates may take
 * 4 × that (512 MB; PostgreSQL's default is 2 ×): the planner has no statistics on the code
 * expressions and over-estimates the finest cells (601,920 for 1,804 at 8 M dossiers), so with
 * less it sorted 7.5 M rows to disk to group them (a table 22.3 s → 13.3 s; 19 tables of 8 M two at
 * a time 103.7 s → 79.4 s, the plain query under the same settings 53.5 s → 47.2 s). A hash
 * aggregate that outgrows it spills to disk. JIT compilation costs more than it saves on these
 * statements (7.4 s against 4.6 s on the same table).
 */
export const AGGREGATION_SETTINGS = [
  "set local work_mem = '128MB'",
  'set local hash_mem_multiplier = 4',
  'set local jit = off',
] as const

/**
 * Aggregates (checked) tables on their populations' fact tables, built by `buildFacts`: every cell
 * at every level with its additive measures and distinct persons, the finest cells' amounts by
 * contributor, and the codes the data uses; `connections` tables at once, each on its own pooled
 * connection (results in the tables' order). First the overlap terms of each population whose
 * tables add up persons (overlap-terms.ts), once for all its tables; dropped at the end. One
 * statement per table, built from catalogue constants only.
 *
 * @example
 * const [cells] = await aggregateTables(db, [table])
 * const hierarchies = restrict(trees, cells.observed) // then toTableInput(name, table, cells, hierarchies)
 */
export async function aggregateTables(
  db: Kysely<Database>,
  tables: readonly TableDefinition[],
  connections = 1,
): Promise<AggregatedTable[]> {
  const plans = tables.map(planTable)
  // Each call its own terms tables: calls at once (two tables aggregated alone) never drop each
  // other's. What a killed run leaves, the next publication drops (dropOverlapLeftovers).
  const terms = planOverlapTerms(plans, `_${process.pid.toString(36)}_${(++calls).toString(36)}`)
  try {
    await mapLimit(terms, connections, (t) =>
      inTransaction(db, async (tx) => {
        await sql.raw(createOverlapTermsSql(t)).execute(tx)
        // Its groups' estimates for the tables' statements.
        await sql.raw(`analyze ${t.table}`).execute(tx)
      }),
    )
    return await mapLimit(plans, connections, async (plan) => {
      const own = terms.find((t) => t.population.name === plan.population.name)
      const rows = await inTransaction(
        db,
        async (tx) => (await sql.raw<AggregateRow>(aggregateSql(plan, own)).execute(tx)).rows,
      )
      return readCells(plan, rows)
    })
  } finally {
    // Every table dropped even if one drop fails; a failed drop never hides the error that led here.
    await Promise.allSettled(terms.map((t) => sql.raw(`drop table if exists ${t.table}`).execute(db)))
  }
}

let calls = 0

/**
 * Drops the overlap terms tables a killed run left behind (each run drops its own otherwise).
 * Publication calls it first: publications do not run at once (they rebuild the same fact tables).
 */
export async function dropOverlapLeftovers(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema() and tablename like ${OVERLAP_TABLES_LIKE}`.execute(db)
  for (const { name } of rows) await sql`drop table if exists ${sql.table(name)}`.execute(db)
}

/** One table: `aggregateTables` of it alone. */
export async function aggregateTable(db: Kysely<Database>, table: TableDefinition): Promise<AggregatedTable> {
  const [cells] = await aggregateTables(db, [table])
  return cells!
}

/** Runs `work` in a transaction with the aggregation's settings. */
function inTransaction<T>(db: Kysely<Database>, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    for (const setting of AGGREGATION_SETTINGS) await sql.raw(setting).execute(tx)
    return work(tx)
  })
}
