/**
 * The columns of a dossier's current state that a partner reads back, in one list for the export
 * and the dossier read.
 * @module
 */

/**
 * The `dossier_current` columns shown to a partner, in the order of the export's CSV (the partner
 * area documents that order, and partners' scripts read the file by position).
 */
export const DOSSIER_COLUMNS = [
  'birth_date',
  'sex',
  'residence_commune',
  'qpv',
  'identity_certified',
  'dispositif',
  'status',
  'status_at_entry',
  'certification_type',
  'certification_code',
  'certification_level',
  'organism_siret',
  'offer_ref',
  'modality',
  'planned_start',
  'planned_end',
  'planned_hours',
  'entry_date',
  'exit_date',
  'exit_reason',
  'hours_completed',
  'certification_result',
  'committed',
  'version',
  'updated_at',
] as const

/** A column of {@link DOSSIER_COLUMNS}. */
export type DossierColumn = (typeof DOSSIER_COLUMNS)[number]
