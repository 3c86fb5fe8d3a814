import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { Contract } from '../publish/indicators/employment.ts'

/** A record of the shared dossier, as `row_to_json` gives it (dates as text). */
export interface RecordJson extends Record<string, unknown> {
  person_key: string
  partner_id: number
  record_id: string
  code: string
  name: string
  committed: number
  exit_date: string | null
  certification_result: string | null
  shared_dossier_id: string | null
}

/** Everything a dossier read needs, from one statement. */
export interface DossierRows {
  records: RecordJson[] | null
  versions:
    | { p: number; r: string; version: number; updated_at: string; received_at: string; payload: unknown }[]
    | null
  identity: {
    nir: string
    birth_name: string
    usual_name: string | null
    first_names: string
    birth_date: string
    sex: string
  } | null
  contracts: { type: Contract['type']; start: string; end: string | null }[] | null
  spells:
    | { partner_id: number; record_id: string; entry_date: string | null; exit_date: string | null }[]
    | null
}

/**
 * A whole dossier read, and its audit row when the record is the caller's, in one call of
 * `passerelle_dossier_read` (migration 2026_12_02_19_00_00), which first scopes its transaction to
 * the partner (role passerelle_reader, partner setting): one round trip, and plans the connection
 * keeps.
 */
export async function queryDossier(
  db: Kysely<Database>,
  partnerId: number,
  id: string,
  audit: { actor: string; route: string } | null,
): Promise<DossierRows> {
  const { rows } = await sql<{ data: DossierRows | string }>`
    select passerelle_dossier_read(${partnerId}, ${id}, ${audit?.actor ?? null}, ${audit?.route ?? null}) as data`.execute(
    db,
  )
  const data = rows[0]!.data
  return typeof data === 'string' ? (JSON.parse(data) as DossierRows) : data
}
