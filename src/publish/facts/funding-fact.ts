import { ageBand, dossierKey, factTableWithPersonId } from './sql-parts.ts'

/**
 * `publish_fact_funding` (README.md): one row per funding record, each co-funder's record of a
 * shared dossier apart, cancelled records left out. Dated by the record's own entry, else its
 * planned start.
 */
export const createFundingFact = factTableWithPersonId(
  'publish_fact_funding',
  `select d.person_key, ${dossierKey('d', 'p')} as dossier_key, p.code as funder, p.kind as funder_kind,
    d.dispositif, d.residence_commune as res_commune, rc.departement as res_departement, rc.region as res_region,
    d.sex, ${ageBand('d.birth_date', 'coalesce(d.entry_date, d.planned_start)')} as age_band,
    coalesce(d.entry_date, d.planned_start) as period_date, d.organism_siret, d.committed
  from dossier_current d
  join partner p on p.id = d.partner_id
  left join commune rc on rc.code = d.residence_commune
  where d.status <> 'ANNULE'`,
)
