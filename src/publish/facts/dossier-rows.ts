import { dossierKey } from './sql-parts.ts'

// The lifecycle columns come from the shared dossier's progress record when the dossier has
// several records (publish_tmp_shared), else from the record itself.
const lifecycle = [
  'status',
  'entry_date',
  'exit_date',
  'exit_reason',
  'hours_completed',
  'certification_result',
]
  .map((c) => `case when s.dossier_key is null then d.${c} else s.${c} end as ${c}`)
  .join(',\n    ')

/**
 * One row per dossier (cancelled records left out): the lead record's columns (the record
 * itself for a dossier of one record), its lifecycle and the committed sum. A subquery for the
 * fact table and the spells of employment outcomes, so both read the same dossiers.
 * Needs `publish_tmp_shared` (shared-dossiers.ts).
 */
export const dossierRows = `select ${dossierKey('d', 'p')} as dossier_key, d.person_key,
    ${lifecycle},
    coalesce(s.committed, d.committed) as committed,
    p.code as funder, p.kind as funder_kind, d.birth_date, d.sex, d.residence_commune, d.qpv, d.dispositif,
    d.status_at_entry, d.certification_type, d.certification_level, d.nsf, d.organism_siret, d.place_commune,
    d.modality, d.planned_start, d.planned_hours
  from dossier_current d
  join partner p on p.id = d.partner_id
  left join publish_tmp_shared s on s.lead_partner_id = d.partner_id and s.lead_record_id = d.record_id
  where d.status <> 'ANNULE' and (d.shared_dossier_id is null or s.dossier_key is not null)`
