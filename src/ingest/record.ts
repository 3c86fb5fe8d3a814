/**
 * Normalised partner records: what the exchange format (../shared/spec) means once a raw JSON
 * value has passed every rule. Built once at the edge by `validateRecord`; everything after works
 * on these types. Dates are `YYYY-MM-DD` strings, `updatedAt` an ISO instant in UTC.
 */
export type RecordType = 'dossier' | 'cep'

export type Sex = 'F' | 'M'

export interface Person {
  /** NIR without its key (13 characters). Clear identity: restricted store only, never logged. */
  readonly nir13: string
  readonly birthName: string
  readonly usualName: string | null
  readonly firstNames: string
  readonly birthDate: string
  readonly sex: Sex
  readonly residenceCommune: string
  readonly qpv: string | null
  readonly educationLevel: number | null
  readonly disability: boolean | null
}

export type DossierStatus = 'ACCEPTE' | 'ENTRE' | 'SORTI' | 'ANNULE'
export type CertificationType = 'RNCP' | 'RS' | 'AUTRE' | 'AUCUNE'
export type Modality = 'PRESENTIEL' | 'MIXTE' | 'DISTANCE'
export type ExitReason =
  | 'FIN_PARCOURS'
  | 'ABANDON'
  | 'ABSENCE'
  | 'INTERRUPTION_OF'
  | 'FORCE_MAJEURE'
  | 'EMPLOI_TROUVE'
export type CertificationResult = 'OBTENUE' | 'PARTIELLE' | 'ECHEC' | 'INCONNU'

export interface SharedRef {
  readonly partner: string
  readonly id: string
}

export interface Funding {
  readonly funder: string
  readonly committed: number
  readonly paid: number | null
  readonly traineePay: number | null
}

export interface DossierRecord {
  readonly type: 'dossier'
  readonly id: string
  readonly version: number
  readonly updatedAt: string
  readonly dispositif: string
  readonly status: DossierStatus
  readonly sharedWith: readonly SharedRef[]
  readonly trainee: Person
  readonly statusAtEntry: string | null
  readonly training: {
    readonly title: string
    readonly offerRef: string | null
    readonly certification: {
      readonly type: CertificationType
      readonly code: string | null
      readonly level: number | null
    }
    readonly formacode: readonly string[]
    readonly nsf: string | null
    readonly organism: { readonly siret: string; readonly nda: string | null }
    readonly placeCommune: string | null
    readonly modality: Modality
    readonly plannedStart: string
    readonly plannedEnd: string
    readonly plannedHours: number
  }
  readonly entry: { readonly date: string } | null
  readonly exit: {
    readonly date: string
    readonly reason: ExitReason
    readonly hoursCompleted: number | null
  } | null
  readonly certificationResult: CertificationResult | null
  readonly funding: readonly Funding[]
}

export type CepEndReason = 'PROJET_FORMALISE' | 'REORIENTATION' | 'ABANDON' | 'AUTRE'
export type CepProjectType = 'FORMATION' | 'RECONVERSION' | 'CREATION' | 'MOBILITE_INTERNE' | 'AUTRE'

export interface CepRecord {
  readonly type: 'cep'
  readonly id: string
  readonly version: number
  readonly updatedAt: string
  readonly beneficiary: Person
  readonly statusAtEntry: string
  readonly start: string
  readonly end: string | null
  readonly level: 1 | 2
  readonly endReason: CepEndReason | null
  readonly projectType: CepProjectType | null
  readonly interviews: number | null
  readonly cancelled: boolean
}

export type PartnerRecord = DossierRecord | CepRecord

/** A record that passed every rule, with what storage needs beside it. */
export interface ValidRecord {
  readonly record: PartnerRecord
  /** sha256 (hex) of the canonical JSON of the raw value: equal for the same JSON value whatever the key order. */
  readonly contentHash: string
  /** The raw value as received, for storage of the snapshot. */
  readonly raw: Record<string, unknown>
}

/** The person of a record, whatever its type. */
export function personOf(record: PartnerRecord): Person {
  return record.type === 'dossier' ? record.trainee : record.beneficiary
}
