import { sql } from 'kysely'
import type { PartnerScope } from './partner-tx.ts'

/** The partner's data-quality view. */
export interface QualityView {
  readonly transmissions: readonly {
    id: number
    channel: string
    source: string | null
    status: string
    startedAt: string
    lines: number
    accepted: number
    unchanged: number
    rejected: number
  }[]
  /** Accepted and rejected records by month, rejections by rule code. */
  readonly byMonth: readonly { month: string; accepted: number; rejected: number }[]
  readonly rejectionsByRule: readonly { month: string; code: string; count: number }[]
  readonly identities: { readonly records: number; readonly notCertified: number }
  /** The partner's dossiers naming an offer the catalogue does not know. */
  readonly unknownOffers: {
    readonly count: number
    readonly sample: readonly { id: string; offerRef: string }[]
  }
}

/** What the hub thinks of the partner's transmissions (its own rows only). */
export async function readQuality(scope: PartnerScope): Promise<QualityView> {
  const { db, partnerId } = scope
  const transmissions = await sql<QualityView['transmissions'][number]>`
    select id::int as id, channel, source, status, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "startedAt",
      lines, (created + updated) as accepted, unchanged, (stale + conflict + invalid) as rejected
    from transmission where partner_id = ${partnerId} order by started_at desc, id desc limit 50`.execute(db)
  const byMonth = await sql<QualityView['byMonth'][number]>`
    select to_char(started_at, 'YYYY-MM') as month, sum(created + updated)::int as accepted,
      sum(stale + conflict + invalid)::int as rejected
    from transmission where partner_id = ${partnerId} group by 1 order by 1`.execute(db)
  const rules = await sql<QualityView['rejectionsByRule'][number]>`
    select to_char(r.received_at, 'YYYY-MM') as month, coalesce(e->>'code', r.outcome) as code, count(*)::int as count
    from rejected_record r
    left join lateral jsonb_array_elements(case when jsonb_typeof(r.errors) = 'array' then r.errors else '[]'::jsonb end) e on true
    where r.partner_id = ${partnerId} group by 1, 2 order by 1, 3 desc, 2`.execute(db)
  const identities = await sql<{ records: number; not_certified: number }>`
    select count(*)::int as records, count(*) filter (where not identity_certified)::int as not_certified from (
      select identity_certified from dossier_current where partner_id = ${partnerId}
      union all select identity_certified from cep_current where partner_id = ${partnerId}) x`.execute(db)
  const offers = await sql<{ id: string; offerRef: string; total: number }>`
    select d.record_id as id, d.offer_ref as "offerRef", count(*) over ()::int as total
    from dossier_current d
    where d.partner_id = ${partnerId} and d.offer_ref is not null
      and not exists (select 1 from catalogue_offer o where o.offer_ref = d.offer_ref)
    order by d.record_id limit 20`.execute(db)
  const id = identities.rows[0] ?? { records: 0, not_certified: 0 }
  return {
    transmissions: transmissions.rows,
    byMonth: byMonth.rows,
    rejectionsByRule: rules.rows,
    identities: { records: id.records, notCertified: id.not_certified },
    unknownOffers: {
      count: offers.rows[0]?.total ?? 0,
      sample: offers.rows.map(({ id, offerRef }) => ({ id, offerRef })),
    },
  }
}
