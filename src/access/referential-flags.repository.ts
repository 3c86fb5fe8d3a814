import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { PartnerScope } from './partner-tx.ts'

/** How many of the partner's dossiers a check flags, and the first of them by id. */
export interface Flagged<T> {
  readonly count: number
  readonly sample: readonly T[]
}

/**
 * What the referentials flag in the partner's current dossiers (spec, "Referentials"): the
 * catalogue flags an offer it does not know or whose organism differs, the organisms referential a
 * SIRET or an NDA it does not know, the RNCP/RS register a certification code it does not hold or
 * that was not active on the training's start (its entry date, else its planned start). A
 * check is null while its referential is empty: nothing can be checked against a referential
 * never loaded, and flagging every dossier would say otherwise.
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
  readonly inactiveCertification: Flagged<{
    id: string
    code: string
    start: string
    activeFrom: string | null
    activeTo: string | null
  }> | null
}

// Enough to act on; the count says the rest.
const SAMPLE = 20

// The day a training starts, for the certification's validity: its entry, else its planned start.
const START = 'coalesce(d.entry_date, d.planned_start)'

// Each check: the referential it needs loaded, its flag on a row of the scans below (joined to
// the referentials as `co`, `o`, `c`), and what a flagged dossier shows of itself.
const CHECKS = {
  unknownOffer: {
    referential: 'catalogue_offer',
    flag: 'd.offer_ref is not null and co.offer_ref is null',
    item: `json_build_object('id', d.record_id, 'offerRef', d.offer_ref)`,
  },
  offerOrganismDiffers: {
    referential: 'catalogue_offer',
    flag: 'co.siret <> d.organism_siret',
    item: `json_build_object('id', d.record_id, 'offerRef', d.offer_ref, 'siret', d.organism_siret, 'catalogueSiret', co.siret)`,
  },
  unknownSiret: {
    referential: 'organism',
    flag: 'o.siret is null',
    item: `json_build_object('id', d.record_id, 'siret', d.organism_siret)`,
  },
  ndaDiffers: {
    referential: 'organism',
    flag: 'o.siret is not null and d.organism_nda is not null and o.nda is distinct from d.organism_nda',
    item: `json_build_object('id', d.record_id, 'siret', d.organism_siret, 'nda', d.organism_nda, 'referentialNda', o.nda)`,
  },
  unknownCertification: {
    referential: 'certification',
    flag: 'd.certification_code is not null and c.code is null',
    item: `json_build_object('id', d.record_id, 'code', d.certification_code)`,
  },
  // Funders pay for trainings to a certification registered when they start (its register's
  // active_from..active_to, both ends included; an empty end: still active).
  inactiveCertification: {
    referential: 'certification',
    flag: `c.code is not null and (c.active_from > ${START} or c.active_to < ${START})`,
    item: `json_build_object('id', d.record_id, 'code', d.certification_code, 'start', ${START},
      'activeFrom', c.active_from, 'activeTo', c.active_to)`,
  },
} as const

type Check = keyof typeof CHECKS
const NAMES = Object.keys(CHECKS) as Check[]

// Whether each referential holds a row, as columns named after its table.
const LOADED = sql.raw(
  [...new Set(NAMES.map((name) => CHECKS[name].referential))]
    .map((table) => `exists (select 1 from ${table}) as "${table}"`)
    .join(', '),
)

// The scans' rows: each current dossier beside what the referentials hold of it.
const JOINED = sql`dossier_current d
    left join catalogue_offer co on co.offer_ref = d.offer_ref
    left join organism o on o.siret = d.organism_siret
    left join certification c on c.code = d.certification_code`

/**
 * Every referential check on the partner's current dossiers, in one pass over them (a pass per
 * check took twice as long; at 8 M dossiers the largest partner holds about 4 M), and which
 * referentials are loaded: a check against an empty one is null.
 */
export async function readReferentialFlags(scope: PartnerScope): Promise<ReferentialFlags> {
  const columns = NAMES.flatMap((name) => [
    `count(*) filter (where ${CHECKS[name].flag})::int as "${name}Count"`,
    `(array_agg(${CHECKS[name].item} order by d.record_id) filter (where ${CHECKS[name].flag}))[1:${SAMPLE}] as "${name}Sample"`,
  ])
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.raw(columns.join(',\n      '))}, ${LOADED}
    from ${JOINED}
    where d.partner_id = ${scope.partnerId}`.execute(scope.db)
  const row = rows[0] ?? {}
  const checked = (name: Check) =>
    row[CHECKS[name].referential] === true
      ? {
          count: Number(row[`${name}Count`] ?? 0),
          sample: (json(row[`${name}Sample`]) as never[] | null) ?? [],
        }
      : null
  return Object.fromEntries(NAMES.map((name) => [name, checked(name)])) as unknown as ReferentialFlags
}

// An array of json values comes back as an array of objects from pg, of strings or objects from
// PGlite, depending on the driver's parsing of json[].
function json(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return JSON.parse(value)
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? JSON.parse(v) : v))
  return value
}

/** A partner's counts of flagged dossiers, by check (null: the check's referential is empty). */
export type FlagCounts = { readonly partner: string } & { readonly [K in Check]: number | null }

/**
 * For the operator: every partner's count of dossiers each check flags, for the partners with at
 * least one, by code. One pass over all current dossiers, as the hub's owner (no row security).
 */
export async function flagCountsByPartner(db: Kysely<Database>): Promise<FlagCounts[]> {
  const loaded = (await sql<Record<string, boolean>>`select ${LOADED}`.execute(db)).rows[0] ?? {}
  // Only the checks whose referential is loaded: against an empty one every dossier would count.
  const live = NAMES.filter((name) => loaded[CHECKS[name].referential] === true)
  if (live.length === 0) return []
  const count = (name: Check) => `count(*) filter (where ${CHECKS[name].flag})`
  const { rows } = await sql<Record<string, unknown>>`
    select p.code as partner, ${sql.raw(live.map((name) => `${count(name)}::int as "${name}"`).join(', '))}
    from ${JOINED}
    join partner p on p.id = d.partner_id
    group by p.code
    having ${sql.raw(live.map((name) => `${count(name)} > 0`).join(' or '))}
    order by p.code`.execute(db)
  return rows.map(
    (r) =>
      ({
        partner: String(r.partner),
        ...Object.fromEntries(NAMES.map((name) => [name, live.includes(name) ? Number(r[name]) : null])),
      }) as FlagCounts,
  )
}
