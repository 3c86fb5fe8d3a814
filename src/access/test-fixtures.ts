/**
 * Test helpers of the partner reads: the partners the dossiers belong to, and the payroll
 * contracts that give them an employment outcome.
 * @module
 */
import type { Insertable, Kysely } from 'kysely'
import pg from 'pg'
import type { Database, DossierVersionTable, DsnContractTable } from '../db/database.ts'
import { changeFeedLag } from './change-feed-lag.ts'

const PARTNERS = {
  RA: { name: 'Région A', kind: 'REGION' },
  OB: { name: 'OPCO B', kind: 'OPCO' },
  FC: { name: 'France Travail C', kind: 'FT' },
} as const

/** Registers test partners and returns their ids, in the order of `codes`. */
export async function insertPartners(
  db: Kysely<Database>,
  codes: readonly (keyof typeof PARTNERS)[],
): Promise<number[]> {
  const rows = await db
    .insertInto('partner')
    .values(codes.map((code) => ({ code, ...PARTNERS[code] })))
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** A permanent full-time contract (CDI) of the person from `start`, still running. */
export function permanentContract(personKey: string, start: string): Insertable<DsnContractTable> {
  return {
    person_key: personKey,
    line: 1,
    employer_siret: '98765432100015',
    naf: null,
    contract_type: 'CDI',
    start_date: start,
    end_date: null,
    hours_ratio: 1,
  }
}

/**
 * Waits until every version written so far can enter the change feed: until no transaction that
 * started writing before the last of them is still running. On a shared PostgreSQL server that
 * includes other test files' transactions in other databases (transaction ids are the cluster's).
 */
export async function feedSettled(db: Kysely<Database>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while ((await changeFeedLag(db)).waiting > 0) {
    if (Date.now() > deadline) throw new Error(`the change feed did not settle within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Version `version` of a partner's dossier record, with test content. */
export function versionRow(
  partnerId: number,
  recordId: string,
  personKey: string,
  version: number,
): Insertable<DossierVersionTable> {
  return {
    person_key: personKey,
    partner_id: partnerId,
    record_id: recordId,
    version,
    content_hash: `h${version}`,
    updated_at: '2026-01-02T00:00:00Z',
    transmission_id: 1,
    payload: JSON.stringify({ status: 'SORTI' }),
  }
}

/** A transaction of its own on the test server, left open until `commit`: a writer still running. */
export interface OpenWriter {
  insertVersion(row: Insertable<DossierVersionTable>): Promise<void>
  commit(): Promise<void>
  end(): Promise<void>
}

/** Begins a transaction on a new connection to `url` (a server test database). */
export async function openWriter(url: string): Promise<OpenWriter> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('begin')
  return {
    insertVersion: async (row) => {
      const columns = Object.keys(row)
      await client.query(
        `insert into dossier_version (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      )
    },
    commit: async () => {
      await client.query('commit')
    },
    end: () => client.end(),
  }
}
