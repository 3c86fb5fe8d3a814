/**
 * Step 4 of publication, on the store: tables aggregated at every level, with the overlap terms
 * their populations share.
 * @module
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import { mapLimit } from '../../lib/map-limit.ts'
import type { TableDefinition } from '../definition/types.ts'
import { aggregateSql, fewRows } from './aggregate-sql.ts'
import { LEVEL_STATISTICS_LIKE, type LevelStatistic, levelStatistics } from './level-statistics.ts'
import { createOverlapTermsSql, OVERLAP_TABLES_LIKE, planOverlapTerms } from './overlap-terms.ts'
import { planTable } from './plan.ts'
import {
  createPopulationLeavesSql,
  LEAVES_TABLES_LIKE,
  type PopulationLeaves,
  planPopulationLeaves,
} from './population-leaves.ts'
import { type AggregateRow, readCells } from './read-cells.ts'
import type { AggregatedTable } from './types.ts'

/**
 * Session settings of an aggregation statement, `set local` in its transaction. Its sorts (grouping
 * sets, distinct persons) spill to disk under the 4 MB default: 128 MB halves the time of a table
 * of 1 M dossiers; work_mem bounds each sort, it is not allocated up front. Hash aggregates may take
 * 4 × that (512 MB; PostgreSQL's default is 2 ×): the planner over-estimates the finest cells of the
 * tables split by contributor, whose codes are columns of a subquery (601,920 for 1,804 at 8 M
 * dossiers, before the levels' statistics, level-statistics.ts), so with
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
 * The leaves' statement may hash up to 128 MB × 32 = 4 GB: its estimates, even with the levels'
 * statistics, count every combination of the codes of a set (entrées of 1 M dossiers: 808,076
 * finest cells for 217,914), and under that limit PostgreSQL sorts the rows for the sets that do
 * not fit (entrées 4.9 s against 3.5 s hashed). What it holds is the finest cells of the tables,
 * which the release publishes anyway.
 */
const LEAVES_HASH_MEM_MULTIPLIER = 'set local hash_mem_multiplier = 32'

/** Creating the levels' statistics is serialised: two `analyze` of one table at once can fail. */
const STATISTICS_LOCK_SPACE = 4246

/**
 * Aggregates (checked) tables on their populations' fact tables, built by `buildFacts`: every cell
 * at every level with its additive measures and distinct persons, the finest cells' amounts by
 * contributor, and the codes the data uses; `connections` tables at once, each on its own pooled
 * connection (results in the tables' order). First, once for all the tables of each population:
 * the finest cells of those without contributor, from one scan of its fact rows
 * (population-leaves.ts, with statistics on the level expressions, level-statistics.ts), and the
 * overlap terms of those that add up persons (overlap-terms.ts); dropped at the end. One
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
  // other's. What a killed run leaves, the next publication drops (dropAggregationLeftovers).
  const suffix = `_${process.pid.toString(36)}_${(++calls).toString(36)}`
  const terms = planOverlapTerms(plans, suffix)
  const leaves = planPopulationLeaves(plans, fewRows, suffix)
  try {
    await createLevelStatistics(db, levelStatistics(leaves))
    // Each work table filled and analysed (its groups' estimates for the tables' statements).
    const work = [
      ...leaves.map((l) => ({ table: l.table, sql: createPopulationLeavesSql(l, plans), leaves: true })),
      ...terms.map((t) => ({ table: t.table, sql: createOverlapTermsSql(t), leaves: false })),
    ]
    await mapLimit(work, connections, (w) =>
      inTransaction(db, async (tx) => {
        if (w.leaves) await sql.raw(LEAVES_HASH_MEM_MULTIPLIER).execute(tx)
        await sql.raw(w.sql).execute(tx)
        await sql.raw(`analyze ${w.table}`).execute(tx)
      }),
    )
    return await mapLimit(plans, connections, async (plan) => {
      const ofPopulation = <T extends { population: { name: string } }>(list: readonly T[]) =>
        list.find((t) => t.population.name === plan.population.name)
      const statement = aggregateSql(plan, ofPopulation(terms), ofPopulation<PopulationLeaves>(leaves))
      const rows = await inTransaction(
        db,
        async (tx) => (await sql.raw<AggregateRow>(statement).execute(tx)).rows,
      )
      return readCells(plan, rows)
    })
  } finally {
    // Every table dropped even if one drop fails; a failed drop never hides the error that led here.
    await Promise.allSettled(
      [...leaves, ...terms].map((t) => sql.raw(`drop table if exists ${t.table}`).execute(db)),
    )
  }
}

/**
 * Creates the statistics the leaves need that are not there yet, and analyses their fact tables
 * for them; a second call on the same fact tables finds them and does nothing.
 */
async function createLevelStatistics(db: Kysely<Database>, wanted: readonly LevelStatistic[]): Promise<void> {
  if (wanted.length === 0) return
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${STATISTICS_LOCK_SPACE}, 0)`.execute(tx)
    const { rows } = await sql<{ name: string }>`
      select stxname as name from pg_statistic_ext
      where stxnamespace = (select oid from pg_namespace where nspname = current_schema())
        and stxname like ${LEVEL_STATISTICS_LIKE}`.execute(tx)
    const existing = new Set(rows.map((r) => r.name))
    const analyse = new Set<string>()
    for (const statistic of wanted) {
      if (existing.has(statistic.name)) continue
      await sql.raw(statistic.sql).execute(tx)
      analyse.add(statistic.table)
    }
    for (const table of analyse) await sql.raw(`analyze ${table}`).execute(tx)
  })
}

let calls = 0

/**
 * Drops the overlap terms and leaves tables a killed run left behind (each run drops its own
 * otherwise). Publication calls it first: publications do not run at once (../run/publish-lock.ts;
 * they rebuild the same fact tables).
 */
export async function dropAggregationLeftovers(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema()
      and (tablename like ${OVERLAP_TABLES_LIKE} or tablename like ${LEAVES_TABLES_LIKE})`.execute(db)
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
