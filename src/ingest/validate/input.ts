/**
 * The shape of a raw record once it has passed its JSON Schema: optional fields may be absent
 * (`undefined`) or `null`. Rules read these types; `normalise.ts` turns them into `record.ts` types.
 */
import type {
  CepEndReason,
  CepProjectType,
  CertificationResult,
  CertificationType,
  DossierStatus,
  ExitReason,
  Modality,
  Sex,
} from '../record.ts'

export interface PersonInput {
  readonly nir: string
  readonly birthName: string
  readonly usualName?: string | null
  readonly firstNames: string
  readonly birthDate: string
  readonly sex: Sex
  readonly residenceCommune: string
  readonly qpv?: string | null
  readonly educationLevel?: number | null
  readonly disability?: boolean | null
}

export interface DossierInput {
  readonly type: 'dossier'
  readonly id: string
  readonly version: number
  readonly updatedAt: string
  readonly dispositif: string
  readonly status: DossierStatus
  readonly sharedWith?: readonly { readonly partner: string; readonly id: string }[]
  readonly trainee: PersonInput
  readonly statusAtEntry?: string
  readonly training: {
    readonly title: string
    readonly offerRef?: string | null
    readonly certification: {
      readonly type: CertificationType
      readonly code?: string | null
      readonly level?: number | null
    }
    readonly formacode?: readonly string[]
    readonly nsf?: string | null
    readonly organism: { readonly siret: string; readonly nda?: string | null }
    readonly placeCommune?: string | null
    readonly modality: Modality
    readonly plannedStart: string
    readonly plannedEnd: string
    readonly plannedHours: number
  }
  readonly entry?: { readonly date: string } | null
  readonly exit?: {
    readonly date: string
    readonly reason: ExitReason
    readonly hoursCompleted?: number | null
  } | null
  readonly certificationResult?: CertificationResult | null
  readonly funding: readonly {
    readonly funder: string
    readonly committed: number
    readonly paid?: number | null
    readonly traineePay?: number | null
  }[]
}

export interface CepInput {
  readonly type: 'cep'
  readonly id: string
  readonly version: number
  readonly updatedAt: string
  readonly beneficiary: PersonInput
  readonly statusAtEntry: string
  readonly start: string
  readonly end?: string | null
  readonly level: 1 | 2
  readonly endReason?: CepEndReason | null
  readonly projectType?: CepProjectType | null
  readonly interviews?: number | null
  readonly cancelled?: boolean
}
