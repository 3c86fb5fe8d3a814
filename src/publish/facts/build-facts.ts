import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { createCepFact } from './cep-fact.ts'
import { createDossierFact } from './dossier-fact.ts'
import { createEmployment, createSpells } from './employment-outcomes.ts'
import { createFundingFact } from './funding-fact.ts'
import { createFundingLines } from './funding-lines.ts'
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

/** What a build made: rows per fact table and how long it took. */
export interface FactsResult {
  readonly rows: Readonly<Record<FactTable, number>>
  readonly seconds: number
}

/**
 * (Re)creates the fact tables of README.md from the hub's current state as of `asOf` (the date of
 * the data, `YYYY-MM-DD`: employment and CEP follow-ups are known up to it). Set-based SQL only;
 * one transaction at repeatable read, so the three tables see the same state of the hub and a
 * failed build leaves the previous tables in place. Throws on an invalid date or a failed query.
 */
export async function buildFacts(db: Kysely<Database>, options: { asOf: string }): Promise<FactsResult> {
  const asOf = asOfLiteral(options.asOf)
  const started = performance.now()
  const rows = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const run = (statement: string) => sql.raw(statement).execute(tx)
      // Sorts and hashes over millions of dossiers spill to disk with the 4 MB default.
      await run(`set local work_mem = '64MB'`)
      for (const table of [...FACT_TABLES, ...WORK_TABLES]) await run(`drop table if exists ${table}`)
      // In dependency order; each table is analysed as soon as it exists, for the next joins.
      const steps: [string, string][] = [
        ['publish_tmp_funding', createFundingLines],
        ['publish_tmp_shared', createSharedDossiers],
        ['publish_tmp_spell', createSpells],
        ['publish_tmp_employment', createEmployment(asOf)],
        ['publish_fact_dossier', createDossierFact(asOf)],
        ['publish_fact_funding', createFundingFact],
        ['publish_fact_cep', createCepFact(asOf)],
      ]
      for (const [table, statement] of steps) {
        await run(statement)
        await run(`analyze ${table}`)
      }
      for (const table of FACT_TABLES) for (const index of personIndexes(table)) await run(index)
      for (const table of WORK_TABLES) await run(`drop table ${table}`)
      const counts = {} as Record<FactTable, number>
      for (const table of FACT_TABLES) {
        const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
          tx,
        )
        counts[table] = result.rows[0]?.n ?? 0
      }
      return counts
    })
  return { rows, seconds: Math.round(performance.now() - started) / 1000 }
}
