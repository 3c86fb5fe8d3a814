import { ownCommitted } from './funding-lines.ts'
import { ageBand, dossierKey, factTableWithPersonId } from './sql-parts.ts'

const dimensions = `d.dispositif, d.residence_commune as res_commune, rc.departement as res_departement,
    rc.region as res_region, d.sex, ${ageBand('d.birth_date', 'coalesce(d.entry_date, d.planned_start)')} as age_band,
    coalesce(d.entry_date, d.planned_start) as period_date, d.organism_siret`

/**
 * `publish_fact_funding` (README.md): one row per funder of a record, with the euros it committed
 * (the lines that count, see funding-lines.ts: each funder once per shared dossier), under the
 * shared dossier's key, cancelled records left out: the sender's own lines, then the lines it
 * lists for other funders that count (`publish_tmp_funding`). Dated by the record's own entry,
 * else its planned start.
 */
export const createFundingFact = fundingFactSql('publish_fact_funding', 'publish_tmp_funding')

/**
 * `createFundingFact` under other names: the fact table `table`, from the funding lines of
 * `lines` (buildFacts builds it beside the other fact tables under a name of its own).
 */
export function fundingFactSql(table: string, lines: string): string {
  return factTableWithPersonId(
    table,
    `select person_key, dossier_key, funder, funder_kind, dispositif, res_commune, res_departement, res_region,
    sex, age_band, period_date, organism_siret, committed
  from (
    select d.person_key, ${dossierKey('d', 'p')} as dossier_key, p.code as funder, p.kind as funder_kind, ${dimensions},
      ${ownCommitted('d', 'p')} as committed
    from dossier_current d
    join partner p on p.id = d.partner_id
    left join commune rc on rc.code = d.residence_commune
    where d.status <> 'ANNULE'
  ) own
  where committed is not null
  union all
  select d.person_key, t.dossier_key, t.funder, fp.kind as funder_kind, ${dimensions}, t.committed
  from ${lines} t
  join dossier_current d on d.partner_id = t.partner_id and d.record_id = t.record_id
  join partner fp on fp.code = t.funder
  left join commune rc on rc.code = d.residence_commune`,
  )
}
