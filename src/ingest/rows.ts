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

/** What a current-state row needs beside the record. */
export interface VersionKey {
  readonly personKey: string
  readonly contentHash: string
  readonly birthNameNorm: string
}

/** A dossier's current-state row: its version's key and the analysis columns (denormalised for aggregation). */
// Object literals are written out in full: a literal that starts with a spread and goes on with
// many properties is built property by property by V8, which made this a hot spot of ingestion.
export function dossierColumns(r: DossierRecord, key: VersionKey) {
  const t = r.training
  const p = r.trainee
  return {
    person_key: key.personKey,
    record_id: r.id,
    version: r.version,
    content_hash: key.contentHash,
    updated_at: r.updatedAt,
    birth_name_norm: key.birthNameNorm,
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
    organism_nda: t.organism.nda ?? null,
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
    funding: r.funding.map((f) => ({ funder: f.funder, committed: f.committed })),
  }
}

/** A CEP period's current-state row. */
export function cepColumns(r: CepRecord, key: VersionKey) {
  const p = r.beneficiary
  return {
    person_key: key.personKey,
    record_id: r.id,
    version: r.version,
    content_hash: key.contentHash,
    updated_at: r.updatedAt,
    birth_name_norm: key.birthNameNorm,
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
export function identityColumns(person: Person, personKey: string, recordId: string) {
  return {
    person_key: personKey,
    record_id: recordId,
    nir: person.nir13,
    birth_name: person.birthName,
    birth_name_norm: normalizeName(person.birthName),
    usual_name: person.usualName,
    first_names: person.firstNames,
    birth_date: person.birthDate,
    sex: person.sex,
  }
}
