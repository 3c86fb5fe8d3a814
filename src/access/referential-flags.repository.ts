import { type RawBuilder, sql } from 'kysely'
import type { PartnerScope } from './partner-tx.ts'

/** How many of the partner's dossiers a check flags, and the first of them by id. */
export interface Flagged<T> {
  readonly count: number
  readonly sample: readonly T[]
}

/**
 * What the referentials flag in the partner's current dossiers (spec, "Referentials"): the
 * catalogue flags an offer it does not know or whose organism differs, the organisms referential a
 * SIRET or an NDA it does not know, the RNCP/RS register a certification code it does not hold. A check is null while its referential is empty: nothing can
 * be checked against a referential never loaded, and flagging every dossier would say otherwise.
 */
export interface ReferentialFlags {
  readonly unknownOffer: Flagged<{ id: string; offerRef: string }> | null
  readonly offerOrganismDiffers: Flagged<{
    id: string
    offerRef: string
    siret: string
    catalogueSiret: string
  }> | null
  readonly unknownSiret: Flagged<{ id: string; siret: string }> | null
  readonly ndaDiffers: Flagged<{
    id: string
    siret: string
    nda: string
    referentialNda: string | null
  }> | null
  readonly unknownCertification: Flagged<{ id: string; code: string }> | null
}

// Enough to act on; the count says the rest.
const SAMPLE = 20

async function loaded(
  scope: PartnerScope,
  table: 'catalogue_offer' | 'organism' | 'certification',
): Promise<boolean> {
  const { rows } = await sql<{
    found: boolean
  }>`select exists (select 1 from ${sql.table(table)}) as found`.execute(scope.db)
  return rows[0]?.found ?? false
}

// The partner's dossiers that `condition` flags, with `columns`, the first SAMPLE by id.
async function flagged<T>(
  scope: PartnerScope,
  columns: RawBuilder<unknown>,
  joins: RawBuilder<unknown>,
  condition: RawBuilder<unknown>,
): Promise<Flagged<T>> {
  const { rows } = await sql<T & { total: number }>`
    select d.record_id as id, ${columns}, count(*) over ()::int as total
    from dossier_current d ${joins}
    where d.partner_id = ${scope.partnerId} and ${condition}
    order by d.record_id limit ${SAMPLE}`.execute(scope.db)
  return { count: rows[0]?.total ?? 0, sample: rows.map(({ total: _, ...r }) => r as T) }
}

/** Every referential check on the partner's current dossiers. */
export async function readReferentialFlags(scope: PartnerScope): Promise<ReferentialFlags> {
  const catalogue = await loaded(scope, 'catalogue_offer')
  const organisms = await loaded(scope, 'organism')
  const register = await loaded(scope, 'certification')
  const none = sql``
  return {
    unknownOffer: catalogue
      ? await flagged(
          scope,
          sql`d.offer_ref as "offerRef"`,
          none,
          sql`d.offer_ref is not null and not exists (select 1 from catalogue_offer o where o.offer_ref = d.offer_ref)`,
        )
      : null,
    offerOrganismDiffers: catalogue
      ? await flagged(
          scope,
          sql`d.offer_ref as "offerRef", d.organism_siret as siret, o.siret as "catalogueSiret"`,
          sql`join catalogue_offer o on o.offer_ref = d.offer_ref`,
          sql`o.siret <> d.organism_siret`,
        )
      : null,
    unknownSiret: organisms
      ? await flagged(
          scope,
          sql`d.organism_siret as siret`,
          none,
          sql`not exists (select 1 from organism o where o.siret = d.organism_siret)`,
        )
      : null,
    ndaDiffers: organisms
      ? await flagged(
          scope,
          sql`d.organism_siret as siret, d.organism_nda as nda, o.nda as "referentialNda"`,
          sql`join organism o on o.siret = d.organism_siret`,
          sql`d.organism_nda is not null and o.nda is distinct from d.organism_nda`,
        )
      : null,
    unknownCertification: register
      ? await flagged(
          scope,
          sql`d.certification_code as code`,
          none,
          sql`d.certification_code is not null
            and not exists (select 1 from certification c where c.code = d.certification_code)`,
        )
      : null,
  }
}
