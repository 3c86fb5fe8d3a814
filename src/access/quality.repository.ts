import { sql } from 'kysely'
import { type Finding, storedFindings } from '../ingest/findings.ts'
import { shownStatus } from '../ingest/transmission.repository.ts'
import type { PartnerScope } from './partner-tx.ts'
import { type ReferentialFlags, readReferentialFlags } from './referential-flags.repository.ts'

/** The partner's data-quality view. */
export interface QualityView {
  readonly transmissions: readonly {
    id: number
    channel: string
    source: string | null
    /**
     * `running`, `done`, `interrupted`, `abandoned` (by the operator), or `stalled`: running with no
     * batch for 10 minutes.
     */
    status: string
    /** When it started, as an ISO instant. */
    startedAt: string
    lines: number
    accepted: number
    unchanged: number
    rejected: number
  }[]
  /** Accepted and rejected records by month, rejections by rule code. */
  readonly byMonth: readonly { month: string; accepted: number; rejected: number }[]
  readonly rejectionsByRule: readonly { month: string; code: string; count: number }[]
  readonly identities: {
    readonly records: number
    readonly notCertified: number
    /** The first of those records by id, for the partner to check. */
    readonly sample: readonly { type: 'dossier' | 'cep'; id: string }[]
  }
  /** The partner's last rejected records, newest first, with every finding. */
  readonly lastRejections: readonly {
    receivedAt: string
    transmissionId: number
    channel: string
    /** The line of a file, or the record's index in an API batch. */
    position: number
    recordId: string | null
    errors: readonly Finding[]
  }[]
  /** What the catalogue, the organisms referential and the certification register flag in the partner's dossiers. */
  readonly referentials: ReferentialFlags
}

// How many records each list of the view shows: enough to act on, the counts say the rest.
const SAMPLE = 20

// pg gives timestamptz as Date, PGlite too; a string is taken as an instant all the same.
function instant(value: unknown): string {
  return new Date(value as string | Date).toISOString()
}

/**
 * The part of the view computed on the partner's whole stock (every current dossier and CEP period,
 * every rejected record): the partner area keeps it as a summary (`summaries.ts`).
 */
export type QualitySummary = Pick<QualityView, 'rejectionsByRule' | 'identities' | 'referentials'>

/** The part read at each view: the last transmissions and rejections, by index. */
export type RecentQuality = Omit<QualityView, keyof QualitySummary>

/** The partner's transmissions, by month, and its last rejected records (its own rows only). */
export async function readRecentQuality(scope: PartnerScope): Promise<RecentQuality> {
  const { db, partnerId } = scope
  // A transmission still marked running that has committed nothing for a while is shown as
  // stalled: an import stopped by a kill -9 or a crash, which the operator's same command resumes.
  const transmissions = await sql<QualityView['transmissions'][number]>`
    select t.id::int as id, t.channel, t.source, ${shownStatus('t')} as status, t.started_at as "startedAt",
      t.lines, (t.created + t.updated) as accepted, t.unchanged, (t.stale + t.conflict + t.invalid) as rejected
    from transmission t where t.partner_id = ${partnerId} order by t.started_at desc, t.id desc limit 50`.execute(
    db,
  )
  const byMonth = await sql<QualityView['byMonth'][number]>`
    select to_char(started_at, 'YYYY-MM') as month, sum(created + updated)::int as accepted,
      sum(stale + conflict + invalid)::int as rejected
    from transmission where partner_id = ${partnerId} group by 1 order by 1`.execute(db)
  const rejections = await sql<Omit<QualityView['lastRejections'][number], 'errors'> & { errors: unknown }>`
    select r.received_at as "receivedAt", r.transmission_id::int as "transmissionId", t.channel, r.position,
      r.record_id as "recordId", r.errors
    from rejected_record r join transmission t on t.id = r.transmission_id
    where r.partner_id = ${partnerId} order by r.received_at desc, r.id desc limit ${SAMPLE}`.execute(db)
  return {
    transmissions: transmissions.rows.map((t) => ({ ...t, startedAt: instant(t.startedAt) })),
    byMonth: byMonth.rows,
    lastRejections: rejections.rows.map((r) => ({
      ...r,
      receivedAt: instant(r.receivedAt),
      errors: storedFindings(r.errors),
    })),
  }
}

/** Rejections by rule, identities the SNGI does not certify, referential flags: one pass each over the stock. */
export async function computeQualitySummary(scope: PartnerScope): Promise<QualitySummary> {
  const { db, partnerId } = scope
  const rules = await sql<QualityView['rejectionsByRule'][number]>`
    select to_char(r.received_at, 'YYYY-MM') as month, coalesce(e->>'code', r.outcome) as code, count(*)::int as count
    from rejected_record r
    left join lateral jsonb_array_elements(case when jsonb_typeof(r.errors) = 'array' then r.errors else '[]'::jsonb end) e on true
    where r.partner_id = ${partnerId} group by 1, 2 order by 1, 3 desc, 2`.execute(db)
  const identities = await sql<{ records: number; not_certified: number }>`
    select count(*)::int as records, count(*) filter (where not identity_certified)::int as not_certified from (
      select identity_certified from dossier_current where partner_id = ${partnerId}
      union all select identity_certified from cep_current where partner_id = ${partnerId}) x`.execute(db)
  const uncertified = await sql<{ type: 'dossier' | 'cep'; id: string }>`
    (select 'dossier' as type, record_id as id from dossier_current
      where partner_id = ${partnerId} and not identity_certified order by record_id limit ${SAMPLE})
    union all
    (select 'cep', record_id from cep_current
      where partner_id = ${partnerId} and not identity_certified order by record_id limit ${SAMPLE})
    order by 1 desc, 2 limit ${SAMPLE}`.execute(db)
  const id = identities.rows[0] ?? { records: 0, not_certified: 0 }
  return {
    rejectionsByRule: rules.rows,
    identities: { records: id.records, notCertified: id.not_certified, sample: uncertified.rows },
    referentials: await readReferentialFlags(scope),
  }
}
