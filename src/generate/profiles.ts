/**
 * What each dispositif looks like (DOMAIN.md, "Realistic magnitudes"): its share of dossiers, who
 * sends it, who enters it (age, sex, status), how long it lasts, what it certifies, how it ends and
 * how often it leads to a job. Shapes, not exact figures.
 * @module
 */
import type { CertificationType, ExitReason, Modality } from '../ingest/record.ts'
import { Categorical } from './random.ts'

/** The kind of partner that sends a dossier of a dispositif. */
export type SenderKind = 'CDC' | 'REGION' | 'FT' | 'OPCO' | 'TPRO' | 'AGEFIPH'

/** DSN contract types (spec/README.md, "Referentials"). */
export type ContractType = 'CDI' | 'CDD' | 'INTERIM' | 'APPRENTISSAGE' | 'PRO' | 'AUTRE'

/** The generator's model of one dispositif. */
export interface DispositifProfile {
  readonly code: string
  /** Relative share of dossiers. */
  readonly weight: number
  readonly senders: Categorical<SenderKind>
  /** Jobseeker training: région weights favour Hauts-de-France, Occitanie and overseas. */
  readonly jobseeker: boolean
  /** Age bands < 25, 25–39, 40–49, 50+. */
  readonly ages: Categorical<0 | 1 | 2 | 3>
  readonly female: number
  readonly statuses: Categorical<string>
  /** The statuses at entry this dispositif admits. */
  readonly admits: ReadonlySet<string>
  /** Chance that a trainee saw a CEP operator before (CEP → formation). */
  readonly cepBefore: number
  /** Planned hours: log-normal median and spread, clamped. */
  readonly hours: {
    readonly median: number
    readonly sigma: number
    readonly min: number
    readonly max: number
  }
  /** Weekly training hours, giving the calendar length. */
  readonly weekly: readonly [number, number]
  readonly eurosPerHour: number
  /** Trainee pay per hour paid by the funder (Transitions Pro pays the salary), 0 when none. */
  readonly payPerHour: number
  readonly certification: Categorical<CertificationType>
  readonly modality: Categorical<Modality>
  /** Early exits by reason (shares of exits); the rest is FIN_PARCOURS. */
  readonly exits: readonly (readonly [ExitReason, number])[]
  readonly cancel: number
  /** Days between funding agreement and planned start. */
  readonly lead: readonly [number, number]
  /** Share of non-employed trainees with a contract starting within 6 months of exit. */
  readonly access6: number
  /** Share of those jobs found within days rather than weeks (POEI/AFPR: hired by the employer). */
  readonly quickHire: number
  readonly contracts: Categorical<ContractType>
}

type Bands = [number, number, number, number]

const CDC: Categorical<SenderKind> = new Categorical([['CDC', 1]])
const REGION: Categorical<SenderKind> = new Categorical([['REGION', 1]])
const FT: Categorical<SenderKind> = new Categorical([['FT', 1]])
const OPCO: Categorical<SenderKind> = new Categorical([['OPCO', 1]])
const TPRO: Categorical<SenderKind> = new Categorical([['TPRO', 1]])

const DE = new Categorical([
  ['DE_INDEMNISE', 58],
  ['DE_NON_INDEMNISE', 38],
  ['INACTIF', 4],
])
const SAL = new Categorical([
  ['SAL_PRIVE', 90],
  ['SAL_PUBLIC', 4],
  ['INDEP', 6],
])
const PRESENTIEL = new Categorical<Modality>([
  ['PRESENTIEL', 85],
  ['MIXTE', 13],
  ['DISTANCE', 2],
])
const JOB_MIX = new Categorical<ContractType>([
  ['CDI', 30],
  ['CDD', 38],
  ['INTERIM', 24],
  ['APPRENTISSAGE', 2],
  ['PRO', 3],
  ['AUTRE', 3],
])
const HIRE_MIX = new Categorical<ContractType>([
  ['CDI', 55],
  ['CDD', 40],
  ['INTERIM', 2],
  ['PRO', 3],
])

function certs(rncp: number, rs: number, autre: number, aucune: number): Categorical<CertificationType> {
  return new Categorical<CertificationType>([
    ['RNCP', rncp],
    ['RS', rs],
    ['AUTRE', autre],
    ['AUCUNE', aucune],
  ])
}

function bands(b: Bands): Categorical<0 | 1 | 2 | 3> {
  return new Categorical<0 | 1 | 2 | 3>([
    [0, b[0]],
    [1, b[1]],
    [2, b[2]],
    [3, b[3]],
  ])
}

function exits(abandon: number, absence: number, of: number, force: number, job: number) {
  return [
    ['ABANDON', abandon],
    ['ABSENCE', absence],
    ['INTERRUPTION_OF', of],
    ['FORCE_MAJEURE', force],
    ['EMPLOI_TROUVE', job],
  ] as const
}

interface Spec {
  weight: number
  senders: Categorical<SenderKind>
  jobseeker?: boolean
  ages: Bands
  female: number
  statuses: Categorical<string>
  cepBefore?: number
  hours: [number, number, number, number]
  weekly: [number, number]
  euros: number
  pay?: number
  cert: Categorical<CertificationType>
  modality?: Categorical<Modality>
  exits: ReturnType<typeof exits>
  cancel?: number
  lead?: [number, number]
  access6: number
  quickHire?: number
  contracts?: Categorical<ContractType>
}

const specs: Record<string, Spec> = {
  CPF: {
    weight: 44,
    senders: CDC,
    cepBefore: 0.1,
    ages: [10, 45, 23, 22],
    female: 0.52,
    statuses: new Categorical([
      ['SAL_PRIVE', 55],
      ['SAL_PUBLIC', 7],
      ['INDEP', 5],
      ['DE_INDEMNISE', 19],
      ['DE_NON_INDEMNISE', 11],
      ['INACTIF', 3],
    ]),
    hours: [38, 0.95, 7, 1500],
    weekly: [5, 35],
    euros: 26,
    cert: certs(38, 45, 12, 5),
    modality: new Categorical<Modality>([
      ['PRESENTIEL', 45],
      ['MIXTE', 25],
      ['DISTANCE', 30],
    ]),
    exits: exits(4, 1, 1, 0.5, 1),
    cancel: 0.08,
    lead: [11, 60],
    access6: 0.45,
  },
  BILAN: {
    weight: 1.5,
    senders: CDC,
    ages: [5, 45, 32, 18],
    female: 0.66,
    statuses: new Categorical([
      ['SAL_PRIVE', 70],
      ['SAL_PUBLIC', 10],
      ['DE_INDEMNISE', 12],
      ['DE_NON_INDEMNISE', 8],
    ]),
    hours: [24, 0.1, 6, 24],
    weekly: [2, 4],
    euros: 70,
    cert: certs(0, 0, 0, 1),
    modality: new Categorical<Modality>([
      ['PRESENTIEL', 40],
      ['MIXTE', 40],
      ['DISTANCE', 20],
    ]),
    exits: exits(2, 0.5, 0.5, 0.5, 0),
    cancel: 0.06,
    lead: [11, 45],
    access6: 0.4,
  },
  VAE: {
    weight: 0.6,
    senders: new Categorical<SenderKind>([
      ['CDC', 50],
      ['REGION', 25],
      ['FT', 15],
      ['OPCO', 10],
    ]),
    ages: [5, 45, 32, 18],
    female: 0.7,
    statuses: new Categorical([
      ['SAL_PRIVE', 65],
      ['SAL_PUBLIC', 10],
      ['DE_INDEMNISE', 15],
      ['DE_NON_INDEMNISE', 10],
    ]),
    hours: [24, 0.4, 6, 100],
    weekly: [2, 5],
    euros: 60,
    cert: certs(1, 0, 0, 0),
    exits: exits(10, 2, 0, 1, 0),
    access6: 0.45,
  },
  PRF: {
    weight: 12,
    senders: REGION,
    jobseeker: true,
    ages: [38, 37, 15, 10],
    female: 0.52,
    statuses: new Categorical([
      ['DE_INDEMNISE', 42],
      ['DE_NON_INDEMNISE', 40],
      ['JEUNE_ML', 14],
      ['INACTIF', 4],
    ]),
    hours: [560, 0.5, 35, 2400],
    weekly: [30, 35],
    euros: 13,
    pay: 3,
    cert: certs(50, 10, 15, 25),
    exits: exits(10, 3, 1, 1, 6),
    cancel: 0.04,
    access6: 0.45,
  },
  PIC_PRIC: {
    weight: 2,
    senders: REGION,
    jobseeker: true,
    ages: [45, 35, 12, 8],
    female: 0.5,
    statuses: new Categorical([
      ['DE_INDEMNISE', 30],
      ['DE_NON_INDEMNISE', 50],
      ['JEUNE_ML', 20],
    ]),
    hours: [500, 0.5, 35, 2000],
    weekly: [30, 35],
    euros: 13,
    pay: 3,
    cert: certs(35, 15, 20, 30),
    exits: exits(12, 4, 1, 1, 6),
    access6: 0.4,
  },
  AIF: {
    weight: 5,
    senders: FT,
    jobseeker: true,
    ages: [20, 45, 20, 15],
    female: 0.5,
    statuses: DE,
    hours: [200, 0.7, 14, 1600],
    weekly: [20, 35],
    euros: 14,
    cert: certs(40, 30, 20, 10),
    modality: new Categorical<Modality>([
      ['PRESENTIEL', 65],
      ['MIXTE', 25],
      ['DISTANCE', 10],
    ]),
    exits: exits(6, 2, 1, 1, 5),
    access6: 0.55,
  },
  AFC: {
    weight: 5,
    senders: FT,
    jobseeker: true,
    ages: [22, 44, 19, 15],
    female: 0.5,
    statuses: DE,
    hours: [400, 0.45, 35, 1600],
    weekly: [30, 35],
    euros: 13,
    cert: certs(45, 15, 20, 20),
    exits: exits(8, 3, 1, 1, 6),
    access6: 0.49,
  },
  POEI: {
    weight: 2.5,
    senders: FT,
    jobseeker: true,
    ages: [25, 45, 17, 13],
    female: 0.42,
    statuses: DE,
    hours: [300, 0.3, 35, 400],
    weekly: [30, 35],
    euros: 8,
    cert: certs(0, 15, 25, 60),
    exits: exits(4, 1, 1, 1, 1),
    lead: [3, 20],
    access6: 0.72,
    quickHire: 0.85,
    contracts: HIRE_MIX,
  },
  POEC: {
    weight: 1.5,
    senders: new Categorical<SenderKind>([
      ['FT', 40],
      ['OPCO', 60],
    ]),
    jobseeker: true,
    ages: [30, 42, 16, 12],
    female: 0.4,
    statuses: DE,
    hours: [350, 0.25, 35, 400],
    weekly: [30, 35],
    euros: 10,
    cert: certs(0, 15, 25, 60),
    exits: exits(6, 2, 1, 1, 3),
    access6: 0.62,
    quickHire: 0.5,
  },
  AFPR: {
    weight: 1.2,
    senders: FT,
    jobseeker: true,
    ages: [25, 45, 17, 13],
    female: 0.38,
    statuses: DE,
    hours: [250, 0.3, 35, 400],
    weekly: [30, 35],
    euros: 6,
    cert: certs(0, 10, 20, 70),
    exits: exits(4, 1, 1, 1, 1),
    lead: [3, 15],
    access6: 0.72,
    quickHire: 0.85,
    contracts: new Categorical<ContractType>([
      ['CDI', 30],
      ['CDD', 65],
      ['INTERIM', 5],
    ]),
  },
  PTP: {
    weight: 1,
    senders: TPRO,
    cepBefore: 0.5,
    ages: [5, 55, 30, 10],
    female: 0.6,
    statuses: SAL,
    hours: [900, 0.5, 150, 3000],
    weekly: [30, 35],
    euros: 16,
    pay: 17,
    cert: certs(90, 5, 5, 0),
    exits: exits(3, 0.5, 0.5, 1, 0.5),
    lead: [30, 120],
    access6: 0.57,
  },
  TRANSCO: {
    weight: 0.1,
    senders: TPRO,
    cepBefore: 0.3,
    ages: [3, 45, 32, 20],
    female: 0.5,
    statuses: SAL,
    hours: [700, 0.5, 100, 2400],
    weekly: [30, 35],
    euros: 16,
    pay: 17,
    cert: certs(85, 15, 0, 0),
    exits: exits(4, 1, 0.5, 1, 1),
    lead: [30, 90],
    access6: 0.5,
  },
  PROA: {
    weight: 1.5,
    senders: OPCO,
    ages: [25, 50, 17, 8],
    female: 0.5,
    statuses: new Categorical([['SAL_PRIVE', 1]]),
    hours: [450, 0.4, 150, 1200],
    weekly: [12, 20],
    euros: 15,
    cert: certs(75, 15, 10, 0),
    exits: exits(6, 1, 1, 1, 0),
    access6: 0.5,
  },
  PDC: {
    weight: 9,
    senders: OPCO,
    ages: [12, 42, 24, 22],
    female: 0.42,
    statuses: new Categorical([
      ['SAL_PRIVE', 96],
      ['INDEP', 4],
    ]),
    hours: [14, 0.9, 3, 400],
    weekly: [7, 35],
    euros: 40,
    cert: certs(5, 25, 15, 55),
    modality: new Categorical<Modality>([
      ['PRESENTIEL', 60],
      ['MIXTE', 15],
      ['DISTANCE', 25],
    ]),
    exits: exits(1, 1, 0.5, 0.5, 0),
    cancel: 0.02,
    lead: [5, 45],
    access6: 0.5,
  },
  CPRO: {
    weight: 5,
    senders: OPCO,
    ages: [70, 25, 4, 1],
    female: 0.5,
    statuses: new Categorical([
      ['DE_INDEMNISE', 19],
      ['DE_NON_INDEMNISE', 30],
      ['JEUNE_ML', 20],
      ['SAL_PRIVE', 20],
      ['INACTIF', 11],
    ]),
    hours: [600, 0.35, 150, 1800],
    weekly: [10, 16],
    euros: 13,
    cert: certs(70, 0, 30, 0),
    exits: exits(14, 1, 2, 1, 2),
    lead: [5, 30],
    access6: 0.6,
  },
  FNE: {
    weight: 0.3,
    senders: OPCO,
    ages: [8, 42, 26, 24],
    female: 0.45,
    statuses: new Categorical([['SAL_PRIVE', 1]]),
    hours: [35, 0.8, 7, 500],
    weekly: [7, 35],
    euros: 30,
    cert: certs(0, 25, 15, 60),
    exits: exits(1, 1, 0.5, 0.5, 0),
    access6: 0.5,
  },
  AGEFIPH: {
    weight: 1,
    senders: new Categorical<SenderKind>([['AGEFIPH', 1]]),
    jobseeker: true,
    ages: [8, 35, 27, 30],
    female: 0.45,
    statuses: new Categorical([
      ['DE_INDEMNISE', 40],
      ['DE_NON_INDEMNISE', 30],
      ['SAL_PRIVE', 25],
      ['INACTIF', 5],
    ]),
    hours: [250, 0.7, 14, 1500],
    weekly: [20, 35],
    euros: 14,
    cert: certs(30, 20, 20, 30),
    exits: exits(8, 3, 1, 3, 3),
    access6: 0.35,
  },
  AUTRE: {
    weight: 0.2,
    senders: new Categorical<SenderKind>([
      ['REGION', 50],
      ['FT', 50],
    ]),
    ages: [20, 40, 20, 20],
    female: 0.5,
    statuses: new Categorical([
      ['DE_INDEMNISE', 30],
      ['DE_NON_INDEMNISE', 30],
      ['SAL_PRIVE', 30],
      ['INACTIF', 10],
    ]),
    hours: [70, 1, 7, 1200],
    weekly: [10, 35],
    euros: 20,
    cert: certs(10, 10, 40, 40),
    exits: exits(8, 2, 1, 1, 3),
    access6: 0.45,
  },
}

/** The dispositif a co-funder names when it tops up a CPF dossier. */
export const coFundedDispositif = 'CPF_ABONDE'

/** Every modelled dispositif (all but `CPF_ABONDE`, which only co-funders send). */
export const profiles: readonly DispositifProfile[] = Object.entries(specs).map(([code, s]) => ({
  code,
  weight: s.weight,
  senders: s.senders,
  jobseeker: s.jobseeker ?? false,
  ages: bands(s.ages),
  female: s.female,
  statuses: s.statuses,
  admits: new Set(s.statuses.values),
  cepBefore: s.cepBefore ?? (s.jobseeker ? 0.15 : 0.06),
  hours: { median: s.hours[0], sigma: s.hours[1], min: s.hours[2], max: s.hours[3] },
  weekly: s.weekly,
  eurosPerHour: s.euros,
  payPerHour: s.pay ?? 0,
  certification: s.cert,
  modality: s.modality ?? PRESENTIEL,
  exits: s.exits,
  cancel: s.cancel ?? 0.03,
  lead: s.lead ?? [7, 45],
  access6: s.access6,
  quickHire: s.quickHire ?? 0.15,
  contracts: s.contracts ?? JOB_MIX,
}))

/** Employment conditions by région (multiplies the chance of finding a job): weaker overseas. */
export const regionEmployment: Readonly<Record<string, number>> = {
  '01': 0.75,
  '02': 0.75,
  '03': 0.7,
  '04': 0.72,
  '06': 0.6,
  '11': 1.02,
  '24': 1.0,
  '27': 1.02,
  '28': 1.0,
  '32': 0.88,
  '44': 0.96,
  '52': 1.12,
  '53': 1.08,
  '75': 1.03,
  '76': 0.9,
  '84': 1.08,
  '93': 0.95,
  '94': 0.95,
}

/** Over-weighting of jobseeker training by région (DOMAIN.md: Hauts-de-France, Occitanie, overseas). */
export const jobseekerRegionWeight: Readonly<Record<string, number>> = {
  '32': 1.4,
  '76': 1.3,
  '01': 1.7,
  '02': 1.7,
  '03': 1.8,
  '04': 1.8,
  '06': 1.5,
}

/** OPCO sizes (relative numbers of dossiers). */
export const opcoWeight: Readonly<Record<string, number>> = {
  AKTO: 14,
  OPCO2I: 14,
  OPCOEP: 12,
  CONSTRUCTYS: 10,
  OPCOMMERCE: 10,
  OPCOSANTE: 9,
  OPCOMOBILITES: 8,
  ATLAS: 8,
  UNIFORMATION: 7,
  OCAPIAT: 5,
  AFDAS: 3,
}
