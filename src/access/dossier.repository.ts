import { sql } from 'kysely'
import { type Contract, employmentOutcome, type HorizonOutcome } from '../publish/indicators/employment.ts'
import type { PartnerScope } from './partner-tx.ts'

/** The caller's own view of the person of its record (co-funders' identities are never shown). */
export interface PersonView {
  readonly nir: string
  readonly birthName: string
  readonly usualName: string | null
  readonly firstNames: string
  readonly birthDate: string
  readonly sex: string
}

/** One partner's record of a shared dossier: its current state and every version. */
export interface ContributionView {
  readonly partner: { readonly code: string; readonly name: string }
  readonly id: string
  readonly yours: boolean
  readonly current: Record<string, unknown>
  readonly history: readonly { version: number; updatedAt: string; receivedAt: string; payload: unknown }[]
}

/** A shared dossier as the caller may read it. */
export interface DossierView {
  readonly id: string
  readonly sharedDossierId: string | null
  readonly person: PersonView | null
  readonly contributions: readonly ContributionView[]
  readonly outcomes: {
    readonly certification: string | null
    readonly exitDate: string | null
    readonly employment: { readonly '6': HorizonOutcome; readonly '12': HorizonOutcome } | null
  }
}

interface CurrentRow extends Record<string, unknown> {
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

const CURRENT_FIELDS = [
  'version',
  'updated_at',
  'received_at',
  'identity_certified',
  'birth_date',
  'sex',
  'residence_commune',
  'qpv',
  'dispositif',
  'status',
  'status_at_entry',
  'certification_type',
  'certification_code',
  'certification_level',
  'nsf',
  'organism_siret',
  'offer_ref',
  'place_commune',
  'modality',
  'planned_start',
  'planned_end',
  'planned_hours',
  'entry_date',
  'exit_date',
  'exit_reason',
  'hours_completed',
  'certification_result',
  'committed',
] as const

const KNOWN_RESULTS = new Set(['OBTENUE', 'PARTIELLE', 'ECHEC'])

// The order publish uses to pick the record that speaks for a shared dossier (publish/facts/shared-dossiers.ts).
function leadOrder(a: CurrentRow, b: CurrentRow): number {
  return (
    b.committed - a.committed ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.record_id < b.record_id ? -1 : 1)
  )
}

function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value)
}

function camel(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

/**
 * The shared dossier of the caller's record `id` (type dossier): every contribution with its
 * history, and the outcomes (certification; employment at 6 and 12 months from DSN, by the
 * publication's rule). Undefined when the caller has no such record — whether it does not exist
 * or belongs to someone else.
 */
export async function readDossier(
  scope: PartnerScope,
  id: string,
  asOf: string,
): Promise<DossierView | undefined> {
  const { db, partnerId } = scope
  const { rows } = await sql<CurrentRow>`
    select c.*, p.code, p.name from dossier_current c join partner p on p.id = c.partner_id
    where (c.partner_id = ${partnerId} and c.record_id = ${id})
       or c.shared_dossier_id = (select shared_dossier_id from dossier_current
                                 where partner_id = ${partnerId} and record_id = ${id})`.execute(db)
  const own = rows.find((r) => r.partner_id === partnerId && r.record_id === id)
  if (!own) return undefined
  rows.sort(leadOrder)
  const keys = rows.map((r) => ({ p: r.partner_id, r: r.record_id }))
  const [versions, identity, contracts, spells] = await Promise.all([
    sql<{
      partner_id: number
      record_id: string
      version: number
      updated_at: Date
      received_at: Date
      payload: unknown
    }>`
      select v.partner_id, v.record_id, v.version, v.updated_at, v.received_at, v.payload from dossier_version v
      join json_to_recordset(${JSON.stringify(keys)}::json) as k(p integer, r text)
        on v.partner_id = k.p and v.record_id = k.r
      order by v.partner_id, v.record_id, v.version`.execute(db),
    db
      .selectFrom('person_identity')
      .select(['nir', 'birth_name', 'usual_name', 'first_names', 'birth_date', 'sex'])
      .where('partner_id', '=', partnerId)
      .where('record_type', '=', 'dossier')
      .where('record_id', '=', id)
      .executeTakeFirst(),
    sql<{ contract_type: Contract['type']; start_date: string; end_date: string | null }>`
      select contract_type, start_date, end_date from dsn_contract where person_key = ${own.person_key} order by line`.execute(
      db,
    ),
    sql<{ partner_id: number; record_id: string; entry_date: string | null; exit_date: string | null }>`
      select * from passerelle_person_spells(${own.person_key})`.execute(db),
  ])
  const contributions = rows.map((r) => ({
    partner: { code: r.code, name: r.name },
    id: r.record_id,
    yours: r.partner_id === partnerId,
    current: Object.fromEntries(
      CURRENT_FIELDS.map((f) => [camel(f), r[f] instanceof Date ? iso(r[f]) : r[f]]),
    ),
    history: versions.rows
      .filter((v) => v.partner_id === r.partner_id && v.record_id === r.record_id)
      .map((v) => ({
        version: v.version,
        updatedAt: iso(v.updated_at),
        receivedAt: iso(v.received_at),
        payload: typeof v.payload === 'string' ? JSON.parse(v.payload) : v.payload,
      })),
  }))
  const exited = rows.find((r) => r.exit_date !== null)
  const inGroup = new Set(rows.map((r) => `${r.partner_id}/${r.record_id}`))
  const others = spells.rows
    .filter((s) => !inGroup.has(`${s.partner_id}/${s.record_id}`) && s.entry_date !== null)
    .map((s) => ({ entry: s.entry_date as string, exit: s.exit_date }))
  const list = contracts.rows.map((c) => ({ type: c.contract_type, start: c.start_date, end: c.end_date }))
  const result = rows.find((r) => KNOWN_RESULTS.has(r.certification_result ?? '')) ?? exited ?? own
  return {
    id,
    sharedDossierId: own.shared_dossier_id,
    person: identity
      ? {
          nir: identity.nir,
          birthName: identity.birth_name,
          usualName: identity.usual_name,
          firstNames: identity.first_names,
          birthDate: identity.birth_date,
          sex: identity.sex,
        }
      : null,
    contributions,
    outcomes: {
      certification: result.certification_result,
      exitDate: exited?.exit_date ?? null,
      employment: exited?.exit_date
        ? {
            '6': employmentOutcome(exited.exit_date, 6, list, others, asOf),
            '12': employmentOutcome(exited.exit_date, 12, list, others, asOf),
          }
        : null,
    },
  }
}
