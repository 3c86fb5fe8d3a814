import { nir13Of } from '../../lib/nir.ts'
import type { CepRecord, DossierRecord, Person } from '../record.ts'
import type { CepInput, DossierInput, PersonInput } from './input.ts'

/**
 * Builds the normalised records of record.ts from raw records that passed every rule: absent
 * optional fields become `null` (or `[]`, or `false`), the NIR loses its key, and `updatedAt`
 * arrives already converted to a UTC instant.
 */

/** A person, keeping only NIR13 (the key is redundant once checked). */
export function normalisePerson(p: PersonInput): Person {
  return {
    nir13: nir13Of(p.nir),
    birthName: p.birthName,
    usualName: p.usualName ?? null,
    firstNames: p.firstNames,
    birthDate: p.birthDate,
    sex: p.sex,
    residenceCommune: p.residenceCommune,
    qpv: p.qpv ?? null,
    educationLevel: p.educationLevel ?? null,
    disability: p.disability ?? null,
  }
}

/** A dossier; `updatedAt` is the UTC instant of the raw `updatedAt`. */
export function normaliseDossier(r: DossierInput, updatedAt: string): DossierRecord {
  const t = r.training
  return {
    type: 'dossier',
    id: r.id,
    version: r.version,
    updatedAt,
    dispositif: r.dispositif,
    status: r.status,
    sharedWith: (r.sharedWith ?? []).map((s) => ({ partner: s.partner, id: s.id })),
    trainee: normalisePerson(r.trainee),
    statusAtEntry: r.statusAtEntry ?? null,
    training: {
      title: t.title,
      offerRef: t.offerRef ?? null,
      certification: {
        type: t.certification.type,
        code: t.certification.code ?? null,
        level: t.certification.level ?? null,
      },
      formacode: [...(t.formacode ?? [])],
      nsf: t.nsf ?? null,
      organism: { siret: t.organism.siret, nda: t.organism.nda ?? null },
      placeCommune: t.placeCommune ?? null,
      modality: t.modality,
      plannedStart: t.plannedStart,
      plannedEnd: t.plannedEnd,
      plannedHours: t.plannedHours,
    },
    entry: r.entry == null ? null : { date: r.entry.date },
    exit:
      r.exit == null
        ? null
        : { date: r.exit.date, reason: r.exit.reason, hoursCompleted: r.exit.hoursCompleted ?? null },
    certificationResult: r.certificationResult ?? null,
    funding: r.funding.map((f) => ({
      funder: f.funder,
      committed: f.committed,
      paid: f.paid ?? null,
      traineePay: f.traineePay ?? null,
    })),
  }
}

/** A CEP period; `updatedAt` is the UTC instant of the raw `updatedAt`. */
export function normaliseCep(r: CepInput, updatedAt: string): CepRecord {
  return {
    type: 'cep',
    id: r.id,
    version: r.version,
    updatedAt,
    beneficiary: normalisePerson(r.beneficiary),
    statusAtEntry: r.statusAtEntry,
    start: r.start,
    end: r.end ?? null,
    level: r.level,
    endReason: r.endReason ?? null,
    projectType: r.projectType ?? null,
    interviews: r.interviews ?? null,
    cancelled: r.cancelled ?? false,
  }
}
