import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { employmentOutcome, type HorizonOutcome } from '../publish/indicators/employment.ts'
import { DOSSIER_COLUMNS } from './dossier-columns.ts'
import { type DossierRows, queryDossier, type RecordJson } from './dossier-query.ts'

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

/** A record of a shared dossier: its partner's code and its id. */
export interface RecordRef {
  readonly partner: string
  readonly id: string
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
    /**
     * The records these outcomes come from (the lead record, the one publication counts, when
     * several say something): a co-funder's exit or result may differ from the caller's own
     * record, which the contributions show as sent. Null when no record says anything yet.
     */
    readonly certificationFrom: RecordRef | null
    readonly exitFrom: RecordRef | null
    readonly employment: { readonly '6': HorizonOutcome; readonly '12': HorizonOutcome } | null
  }
}

// The export's columns, and four the export's CSV does not carry: when the version was received,
// the NSF code, the training place, and the funding lines (`committed` is the record's whole
// amount, which may hold other funders' lines: a reader adding up the contributions' `committed`
// would count a co-funded amount twice, the lines say who commits what).
const CURRENT_FIELDS = [...DOSSIER_COLUMNS, 'received_at', 'nsf', 'place_commune', 'funding'] as const

const KNOWN_RESULTS = new Set(['OBTENUE', 'PARTIELLE', 'ECHEC'])

// The order publish uses to pick the record that speaks for a shared dossier (publish/facts/shared-dossiers.ts).
function leadOrder(a: RecordJson, b: RecordJson): number {
  return (
    b.committed - a.committed ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.record_id < b.record_id ? -1 : 1)
  )
}

function iso(value: unknown): string {
  return new Date(value as string).toISOString()
}

function camel(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

const TIMESTAMPS = new Set(['updated_at', 'received_at'])

// Each field's JSON name and whether it is a timestamp, worked out once rather than per record
// of every read (the API's hottest route).
const CURRENT_KEYS = CURRENT_FIELDS.map((f) => [f, camel(f), TIMESTAMPS.has(f)] as const)

/**
 * The shared dossier of the caller's record `id` (type dossier): every contribution with its
 * history, and the outcomes (certification; employment at 6 and 12 months from DSN, by the
 * publication's rule). Undefined when the caller has no such record — whether it does not exist
 * or belongs to someone else. With `audit`, the read is logged in the same statement.
 *
 * It takes the store, not a PartnerScope: `passerelle_dossier_read` scopes its own transaction to
 * the partner before it reads anything (one statement instead of five on the hot path).
 */
export async function readDossier(
  db: Kysely<Database>,
  partnerId: number,
  id: string,
  asOf: string,
  audit: { actor: string; route: string } | null = null,
): Promise<DossierView | undefined> {
  return dossierView(await queryDossier(db, partnerId, id, audit), partnerId, id, asOf)
}

/**
 * The caller's view of its record `id` from the rows `passerelle_dossier_read` returned (pure):
 * undefined when the caller has no such record.
 */
export function dossierView(
  found: DossierRows,
  partnerId: number,
  id: string,
  asOf: string,
): DossierView | undefined {
  const rows = found.records ?? []
  const own = rows.find((r) => r.partner_id === partnerId && r.record_id === id)
  if (!own) return undefined
  rows.sort(leadOrder)
  const versions = found.versions ?? []
  const contributions = rows.map((r) => ({
    partner: { code: r.code, name: r.name },
    id: r.record_id,
    yours: r.partner_id === partnerId,
    current: Object.fromEntries(
      CURRENT_KEYS.map(([f, key, timestamp]) => [key, timestamp ? iso(r[f]) : (r[f] ?? null)]),
    ),
    history: versions
      .filter((v) => v.p === r.partner_id && v.r === r.record_id)
      .map((v) => ({
        version: v.version,
        updatedAt: iso(v.updated_at),
        receivedAt: iso(v.received_at),
        payload: v.payload,
      })),
  }))
  const exited = rows.find((r) => r.exit_date !== null)
  const inGroup = new Set(rows.map((r) => `${r.partner_id}/${r.record_id}`))
  const others = (found.spells ?? [])
    .filter((s) => !inGroup.has(`${s.partner_id}/${s.record_id}`) && s.entry_date !== null)
    .map((s) => ({ entry: s.entry_date as string, exit: s.exit_date }))
  const list = found.contracts ?? []
  const result = rows.find((r) => KNOWN_RESULTS.has(r.certification_result ?? '')) ?? exited ?? own
  const identity = found.identity
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
      certificationFrom:
        result.certification_result === null ? null : { partner: result.code, id: result.record_id },
      exitFrom: exited ? { partner: exited.code, id: exited.record_id } : null,
      employment: exited?.exit_date
        ? {
            '6': employmentOutcome(exited.exit_date, 6, list, others, asOf),
            '12': employmentOutcome(exited.exit_date, 12, list, others, asOf),
          }
        : null,
    },
  }
}
