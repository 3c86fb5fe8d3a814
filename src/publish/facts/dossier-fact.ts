import { dossierRows } from './dossier-rows.ts'
import { ageBand, cohortObservedSql, factTableWithPersonId, KNOWN_RESULTS } from './sql-parts.ts'

/**
 * `publish_fact_dossier` (README.md): one row per dossier, from the dossier rows, the
 * geography of the commune referential, the organisms referential and the employment work table.
 * Needs `publish_tmp_shared` and `publish_tmp_employment`. An exit's outcome at a horizon is known
 * once its whole cohort (year of exit) is observed there (../indicators/cohort.ts says why).
 */
export function createDossierFact(asOf: string): string {
  const known = (months: number) => cohortObservedSql('r.exit_date', months, asOf)
  const certifying = `r.certification_type in ('RNCP','RS')`
  // Known results are counted on certifying exits only, so that they never exceed them.
  const certificationKnown = `(${certifying} and r.exit_date is not null and coalesce(r.certification_result in ${KNOWN_RESULTS}, false))`
  const flag = (column: string) => `coalesce(m.${column}, false)`
  return factTableWithPersonId(
    'publish_fact_dossier',
    `select r.dossier_key, r.person_key, r.status, r.entry_date, r.exit_date,
    r.residence_commune as res_commune, rc.departement as res_departement, rc.region as res_region,
    r.qpv is not null as qpv,
    pc.departement as place_departement, pc.region as place_region,
    r.dispositif, r.funder, r.funder_kind, r.status_at_entry, r.sex,
    ${ageBand('r.birth_date', 'coalesce(r.entry_date, r.planned_start)')} as age_band,
    coalesce(r.certification_level::text, 'sans') as cert_level,
    left(r.nsf, 1) as nsf_domain, left(r.nsf, 3) as nsf_group,
    r.modality, r.organism_siret, oc.region as organism_region,
    r.planned_hours, r.hours_completed, r.committed,
    coalesce(r.exit_reason in ('ABANDON','ABSENCE'), false) as abandoned,
    ${certifying} as certifying,
    ${certificationKnown} as certification_known,
    ${certificationKnown} and r.certification_result = 'OBTENUE' as certified,
    ${known(6)} as emp6_known,
    ${known(6)} and ${flag('salaried6')} as emp6_salaried,
    ${known(6)} and ${flag('lasting6')} as emp6_lasting,
    ${known(6)} and ${flag('access6')} as emp6_access,
    ${known(6)} and not ${flag('salaried6')} and ${flag('in_training6')} as emp6_in_training,
    ${known(12)} as emp12_known,
    ${known(12)} and ${flag('salaried12')} as emp12_salaried,
    ${known(12)} and not ${flag('salaried12')} and ${flag('in_training12')} as emp12_in_training
  from (${dossierRows}) r
  left join commune rc on rc.code = r.residence_commune
  left join commune pc on pc.code = r.place_commune
  left join organism o on o.siret = r.organism_siret
  left join commune oc on oc.code = o.commune
  left join publish_tmp_employment m on m.dossier_key = r.dossier_key`,
  )
}
