import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import { isEmbedded } from '../../db/store-kind.ts'
import { createCepFact } from './cep-fact.ts'
import { createDossierFact } from './dossier-fact.ts'
import { createEmployment, createSpells } from './employment-outcomes.ts'
import { createFundingFact, fundingFactSql } from './funding-fact.ts'
import { createFundingLines, fundingLinesSelect } from './funding-lines.ts'
import { createSharedDossiers } from './shared-dossiers.ts'
import { asOfLiteral, personIndexes } from './sql-parts.ts'

export const FACT_TABLES = ['publish_fact_dossier', 'publish_fact_funding', 'publish_fact_cep'] as const
export type FactTable = (typeof FACT_TABLES)[number]

const WORK_TABLES = [
  'publish_tmp_funding',
  'publish_tmp_shared',
  'publish_tmp_spell',
  'publish_tmp_employment',
] as const

/** The funding fact table as built beside the others (`fundingBeside`), renamed once they are built. */
const FUNDING_NEXT = 'publish_fact_funding_next'

// Sorts and hashes over millions of dossiers spill to disk with the 4 MB default. JIT compilation
// (on by default past a plan cost these statements all reach) compiles each statement again in
// every parallel worker: the dossier fact of 1 M dossiers spent 4.5 s of CPU in it, and the whole
// build, three runs each alternating on one hub, took 23.7–28.0 s without it against 27.5–29.2 s.
const FACT_SETTINGS = [`set local work_mem = '64MB'`, 'set local jit = off']

/** What a build made: rows per fact table, how long it took, and whether funding was built beside. */
export interface FactsResult {
  readonly rows: Readonly<Record<FactTable, number>>
  readonly seconds: number
  /** The funding fact table was built on a second connection (a server, `connections` ≥ 2). */
  readonly fundingBeside: boolean
}

/**
 * (Re)creates the fact tables of README.md from the hub's current state as of `asOf` (the date of
 * the data, `YYYY-MM-DD`: employment and CEP follow-ups are known up to it). Set-based SQL only;
 * one transaction at repeatable read, so the three tables see the same state of the hub and a
 * failed build leaves the previous tables in place. With `connections` ≥ 2 (a PostgreSQL server;
 * the embedded store runs one statement at a time) the funding fact table, which needs none of the
 * others (it computes its own copy of the funding lines), is built at the same time on a second
 * connection, in a transaction that imports the first one's snapshot (`pg_export_snapshot`): the
 * same state of the hub. It is built under a name of its own and renamed in the first transaction,
 * so a failure on either side still leaves the previous tables. The pool must have room for that
 * second connection: the first transaction waits for it. Throws on an invalid date or a failed
 * query.
 */
export async function buildFacts(
  db: Kysely<Database>,
  options: { asOf: string; connections?: number },
): Promise<FactsResult> {
  const asOf = asOfLiteral(options.asOf)
  const beside = (options.connections ?? 1) >= 2 && !(await isEmbedded(db))
  const started = performance.now()
  const rows = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const run = (statement: string) => sql.raw(statement).execute(tx)
      // Exported before anything else reads: the transaction's snapshot, which the other imports.
      const snapshot = beside
        ? (await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(tx)).rows[0]!.id
        : undefined
      const funding = snapshot === undefined ? undefined : fundingBeside(db, snapshot).then(...settled)
      try {
        for (const setting of FACT_SETTINGS) await run(setting)
        for (const table of [...FACT_TABLES, ...WORK_TABLES]) await run(`drop table if exists ${table}`)
        // Built beside only (which drops it itself), else what an earlier build beside left.
        if (!funding) await run(`drop table if exists ${FUNDING_NEXT}`)
        // In dependency order; each table is analysed as soon as it exists, for the next joins.
        const steps: [FactTable | (typeof WORK_TABLES)[number], string][] = [
          ['publish_tmp_funding', createFundingLines],
          ['publish_tmp_shared', createSharedDossiers],
          ['publish_tmp_spell', createSpells],
          ['publish_tmp_employment', createEmployment(asOf)],
          ['publish_fact_dossier', createDossierFact(asOf)],
          ...(funding ? [] : [['publish_fact_funding', createFundingFact] as [FactTable, string]]),
          ['publish_fact_cep', createCepFact(asOf)],
        ]
        const built = steps.map(([table]) => table)
        for (const [table, statement] of steps) {
          await run(statement)
          await run(`analyze ${table}`)
        }
        for (const table of FACT_TABLES)
          if (built.includes(table)) for (const index of personIndexes(table)) await run(index)
        for (const table of WORK_TABLES) await run(`drop table ${table}`)
        const counts = {} as Record<FactTable, number>
        for (const table of FACT_TABLES) if (built.includes(table)) counts[table] = await count(tx, table)
        if (funding) {
          const other = await funding
          if (!other.ok) throw other.error
          // Its rows were written after this snapshot: counted there, renamed here (catalogue
          // lookups see what is committed).
          await renameFunding(run)
          counts.publish_fact_funding = other.rows
        }
        return Object.fromEntries(FACT_TABLES.map((t) => [t, counts[t]])) as Record<FactTable, number>
      } catch (error) {
        // The other side is never left running past this transaction.
        await funding
        throw error
      }
    })
  return { rows, seconds: Math.round(performance.now() - started) / 1000, fundingBeside: beside }
}

const settled = [
  (rows: number) => ({ ok: true as const, rows }),
  (error: unknown) => ({ ok: false as const, error }),
] as const

/**
 * Builds the funding fact table as `FUNDING_NEXT` on another connection, in the state of the hub
 * of `snapshot`, with its funding lines in a temporary table, its person indexes and statistics;
 * commits and returns its rows.
 */
async function fundingBeside(db: Kysely<Database>, snapshot: string): Promise<number> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      // Must come first in the transaction; the id is PostgreSQL's own (hex and dashes).
      if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`)
      const run = (statement: string) => sql.raw(statement).execute(tx)
      await run(`set transaction snapshot '${snapshot}'`)
      for (const setting of FACT_SETTINGS) await run(setting)
      // What a killed run left behind.
      await run(`drop table if exists ${FUNDING_NEXT}`)
      await run(`create temporary table publish_tmp_funding_lines on commit drop as ${fundingLinesSelect}`)
      await run('analyze publish_tmp_funding_lines')
      await run(fundingFactSql(FUNDING_NEXT, 'publish_tmp_funding_lines'))
      await run(`analyze ${FUNDING_NEXT}`)
      for (const index of personIndexes(FUNDING_NEXT)) await run(index)
      return count(tx, FUNDING_NEXT)
    })
}

/** `FUNDING_NEXT` and its person indexes under the funding fact table's names. */
async function renameFunding(run: (statement: string) => Promise<unknown>): Promise<void> {
  await run(`alter table ${FUNDING_NEXT} rename to publish_fact_funding`)
  const next = personIndexes(FUNDING_NEXT)
  const final = personIndexes('publish_fact_funding')
  for (const [i, statement] of next.entries()) {
    const name = (s: string) => /^create index (\S+) /.exec(s)![1]!
    await run(`alter index ${name(statement)} rename to ${name(final[i]!)}`)
  }
}

async function count(tx: Transaction<Database>, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx)
  return result.rows[0]?.n ?? 0
}
