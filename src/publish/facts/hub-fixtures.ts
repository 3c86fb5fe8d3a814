/**
 * Test helpers: hub rows written directly into the current-state tables (for cases too many or
 * too precise to send through ingestion), and fact rows read back in a stable order.
 * @module
 */
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/database.ts'

const VERSION = {
  version: 1,
  content_hash: 'h',
  updated_at: '2024-01-01T00:00:00Z',
  received_at: '2024-01-01T00:00:00Z',
}

/** Every column of a dossier's current state that the facts read, with the example dossier's values. */
export const DOSSIER_DEFAULTS = {
  person_key: 'P1',
  partner_id: 1,
  record_id: 'D1',
  birth_date: '1985-05-14',
  sex: 'F',
  residence_commune: '69123',
  qpv: null as string | null,
  dispositif: 'CPF',
  status: 'SORTI',
  status_at_entry: 'DE_INDEMNISE' as string | null,
  certification_type: 'RNCP',
  certification_code: 'RNCP37674' as string | null,
  certification_level: 5 as number | null,
  nsf: '326' as string | null,
  organism_siret: '98765432100015',
  place_commune: '75056' as string | null,
  modality: 'MIXTE',
  planned_start: '2024-01-08',
  planned_end: '2024-06-28',
  planned_hours: 700,
  entry_date: '2024-01-08' as string | null,
  exit_date: '2024-06-28' as string | null,
  exit_reason: 'FIN_PARCOURS' as string | null,
  hours_completed: 690 as number | null,
  certification_result: 'OBTENUE' as string | null,
  committed: 4200,
  shared_dossier_id: null as string | null,
}

export type DossierRow = typeof DOSSIER_DEFAULTS

/** Writes dossiers' current states, each the defaults with its changes. */
export async function insertDossiers(db: Kysely<Database>, changes: Partial<DossierRow>[]): Promise<void> {
  if (changes.length === 0) return
  const rows = changes.map((c) => ({ ...DOSSIER_DEFAULTS, ...c, ...VERSION }))
  await db.insertInto('dossier_current').values(rows).execute()
}

/** Every column of a CEP period's current state that the facts read, with the example period's values. */
export const CEP_DEFAULTS = {
  person_key: 'P1',
  partner_id: 1,
  record_id: 'C1',
  birth_date: '1985-05-14',
  sex: 'F',
  residence_commune: '69123',
  qpv: null as string | null,
  status_at_entry: 'SAL_PRIVE',
  start_date: '2023-10-01',
  end_date: '2024-01-15' as string | null,
  level: 2,
  end_reason: 'PROJET_FORMALISE' as string | null,
  project_type: 'FORMATION' as string | null,
  interviews: 4 as number | null,
  cancelled: false,
}

export type CepRow = typeof CEP_DEFAULTS

/** Writes CEP periods' current states, each the defaults with its changes. */
export async function insertCeps(db: Kysely<Database>, changes: Partial<CepRow>[]): Promise<void> {
  if (changes.length === 0) return
  const rows = changes.map((c) => ({ ...CEP_DEFAULTS, ...c, ...VERSION }))
  await db.insertInto('cep_current').values(rows).execute()
}

/** A DSN contract of a person. */
export interface ContractRow {
  readonly person_key: string
  readonly line: number
  readonly contract_type: string
  readonly start_date: string
  readonly end_date: string | null
}

/** Writes DSN contracts. */
export async function insertContracts(db: Kysely<Database>, rows: readonly ContractRow[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('dsn_contract')
    .values(rows.map((r) => ({ ...r, employer_siret: '98765432100015', naf: null, hours_ratio: null })))
    .execute()
}

const HUB_TABLES = [
  'dossier_version',
  'dossier_current',
  'cep_version',
  'cep_current',
  'person_identity',
  'shared_link',
  'shared_reference',
  'rejected_record',
  'dsn_contract',
]

/** Empties the records, their links and the DSN contracts (partners and referentials stay). */
export async function clearHub(db: Kysely<Database>): Promise<void> {
  for (const table of HUB_TABLES) await sql.raw(`delete from ${table}`).execute(db)
}

/** All rows of a fact table, ordered by the given columns. */
export async function factRows(
  db: Kysely<Database>,
  table: string,
  orderBy: string,
): Promise<Record<string, unknown>[]> {
  const { rows } = await sql
    .raw<Record<string, unknown>>(`select * from ${table} order by ${orderBy}`)
    .execute(db)
  return rows
}
