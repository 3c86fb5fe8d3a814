import { normalizeName } from './person-key.ts'
import type { CepRecord, DossierRecord, Person, ValidRecord } from './record.ts'

// Identity fields leave the snapshot before it is stored: the clear identity lives only in
// person_identity (restricted), so versions and current states can be read without exposing it.
const IDENTITY_FIELDS = ['nir', 'birthName', 'usualName', 'firstNames'] as const

/** The raw snapshot without the person's clear identity. */
export function strippedPayload(valid: ValidRecord): Record<string, unknown> {
  const personField = valid.record.type === 'dossier' ? 'trainee' : 'beneficiary'
  const person = { ...(valid.raw[personField] as Record<string, unknown>) }
  for (const field of IDENTITY_FIELDS) delete person[field]
  return { ...valid.raw, [personField]: person }
}

/** The analysis columns of a dossier's current state (denormalised for aggregation). */
// Object literals are written out in full: a literal that starts with a spread and goes on with
// many properties is built property by property by V8, which made this a hot spot of ingestion.
export function dossierColumns(r: DossierRecord) {
  const t = r.training
  const p = r.trainee
  return {
    birth_date: p.birthDate,
    sex: p.sex,
    residence_commune: p.residenceCommune,
    qpv: p.qpv,
    dispositif: r.dispositif,
    status: r.status,
    status_at_entry: r.statusAtEntry,
    certification_type: t.certification.type,
    certification_code: t.certification.code,
    certification_level: t.certification.level,
    nsf: t.nsf,
    organism_siret: t.organism.siret,
    offer_ref: t.offerRef,
    place_commune: t.placeCommune,
    modality: t.modality,
    planned_start: t.plannedStart,
    planned_end: t.plannedEnd,
    planned_hours: t.plannedHours,
    entry_date: r.entry?.date ?? null,
    exit_date: r.exit?.date ?? null,
    exit_reason: r.exit?.reason ?? null,
    hours_completed: r.exit?.hoursCompleted ?? null,
    certification_result: r.certificationResult,
    committed: r.funding.reduce((sum, f) => sum + f.committed, 0),
  }
}

/** The analysis columns of a CEP period's current state. */
export function cepColumns(r: CepRecord) {
  const p = r.beneficiary
  return {
    birth_date: p.birthDate,
    sex: p.sex,
    residence_commune: p.residenceCommune,
    qpv: p.qpv,
    status_at_entry: r.statusAtEntry,
    start_date: r.start,
    end_date: r.end,
    level: r.level,
    end_reason: r.endReason,
    project_type: r.projectType,
    interviews: r.interviews,
    cancelled: r.cancelled,
  }
}

/** The restricted identity row of a record's person. */
export function identityColumns(person: Person) {
  return {
    nir: person.nir13,
    birth_name: person.birthName,
    birth_name_norm: normalizeName(person.birthName),
    usual_name: person.usualName,
    first_names: person.firstNames,
    birth_date: person.birthDate,
    sex: person.sex,
  }
}
