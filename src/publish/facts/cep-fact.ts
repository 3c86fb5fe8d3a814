import { ageBand, cohortObservedSql, factTableWithPersonId, plusMonths } from './sql-parts.ts'

/**
 * `publish_fact_cep` (README.md): one row per CEP period, cancelled ones left out. A period is
 * followed by a training when a dossier of the same person (publish_fact_dossier, so cancelled
 * dossiers are out) entered training between its start and start + 12 months. Like employment
 * outcomes, the follow-up is known once the whole cohort (year of the start) is observed at 12
 * months (../indicators/cohort.ts says why), and false before, so that the rate's numerator never
 * counts a period its denominator leaves out. Needs `publish_fact_dossier`.
 */
export function createCepFact(asOf: string): string {
  const end = plusMonths('c.start_date', 12)
  const known = cohortObservedSql('c.start_date', 12, asOf)
  return factTableWithPersonId(
    'publish_fact_cep',
    `select c.person_key, p.code as operator, c.level, c.status_at_entry, c.sex,
    ${ageBand('c.birth_date', 'c.start_date')} as age_band,
    c.residence_commune as res_commune, rc.departement as res_departement, rc.region as res_region,
    c.start_date, ${known} as followup_known,
    ${known} and t.record_id is not null as followed_by_training
  from cep_current c
  join partner p on p.id = c.partner_id
  left join commune rc on rc.code = c.residence_commune
  left join (
    select c.partner_id, c.record_id from cep_current c
    where not c.cancelled and exists (select 1 from publish_fact_dossier f
      where f.person_key = c.person_key and f.entry_date >= c.start_date and f.entry_date <= ${end})
  ) t on t.partner_id = c.partner_id and t.record_id = c.record_id
  where not c.cancelled`,
  )
}
