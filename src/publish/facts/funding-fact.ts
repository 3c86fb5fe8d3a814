import { ageBand, factTableWithPersonId } from './sql-parts.ts'

/**
 * `publish_fact_funding` (README.md): one row per funder of a record, with the euros it committed
 * (the lines that count, see funding-lines.ts: each funder once per shared dossier), under the
 * shared dossier's key, cancelled records left out. Dated by the record's own entry, else its
 * planned start. Needs `publish_tmp_funding`.
 */
export const createFundingFact = factTableWithPersonId(
  'publish_fact_funding',
  `select d.person_key, t.dossier_key, t.funder, fp.kind as funder_kind,
    d.dispositif, d.residence_commune as res_commune, rc.departement as res_departement, rc.region as res_region,
    d.sex, ${ageBand('d.birth_date', 'coalesce(d.entry_date, d.planned_start)')} as age_band,
    coalesce(d.entry_date, d.planned_start) as period_date, d.organism_siret, t.committed
  from publish_tmp_funding t
  join dossier_current d on d.partner_id = t.partner_id and d.record_id = t.record_id
  join partner fp on fp.code = t.funder
  left join commune rc on rc.code = d.residence_commune`,
)
