/**
 * Salaried contracts from payroll declarations (`dsn.csv`) whose timing makes employment outcomes
 * after training differ by dispositif and by région (spec/README.md, "Employment outcomes").
 * @module
 */
import { addMonths, isoDate } from './dates.ts'
import type { DossierPlan } from './dossier.ts'
import { randomSiret } from './organisms.ts'
import type { SyntheticPerson } from './person.ts'
import { isJobseekerStatus } from './person.ts'
import { type ContractType, regionEmployment } from './profiles.ts'
import { Categorical, type Random } from './random.ts'

/** One DSN contract. */
export interface Contract {
  readonly employerSiret: string
  readonly naf: string
  readonly type: ContractType
  readonly start: number
  /** Last day; null while it runs. */
  readonly end: number | null
  readonly hoursRatio: number
}

const nafCodes = [
  '4711D',
  '4711F',
  '5610A',
  '5610C',
  '8810A',
  '8710A',
  '8121Z',
  '4941A',
  '5229A',
  '7820Z',
  '4332A',
  '4120A',
  '4321A',
  '2511Z',
  '2562B',
  '8622C',
  '8610Z',
  '6201Z',
  '6202A',
  '7022Z',
  '6920Z',
  '8559A',
  '8411Z',
  '4520A',
  '1071C',
  '0111Z',
  '5510Z',
  '8010Z',
  '9602A',
  '4778C',
]

const followUp = new Categorical<ContractType>([
  ['CDI', 35],
  ['CDD', 40],
  ['INTERIM', 20],
  ['AUTRE', 5],
])

/** Length in days of a contract of a type (null: open-ended CDI that still runs). */
function contractLength(rng: Random, type: ContractType, minMonths: number): number | null {
  switch (type) {
    case 'CDI':
      return rng.chance(0.85) ? null : rng.range(60, 900)
    case 'CDD':
      return Math.max(minMonths * 30, Math.round(rng.logNormal(120, 0.8)))
    case 'INTERIM':
      return Math.max(minMonths * 30, Math.round(rng.logNormal(40, 0.9)))
    case 'APPRENTISSAGE':
      return rng.range(365, 1095)
    case 'PRO':
      return rng.range(180, 730)
    default:
      return rng.range(30, 365)
  }
}

function hoursRatio(rng: Random): number {
  return rng.chance(0.78) ? 1 : Math.round((0.3 + 0.65 * rng.float()) * 100) / 100
}

/**
 * The contracts of a person up to `until`: employees keep (mostly) their job through training;
 * others may have had a contract before, and find one after exit with a probability that depends
 * on the dispositif, the exit reason and the région.
 */
export function personContracts(
  rng: Random,
  person: SyntheticPerson,
  plans: readonly DossierPlan[],
  until: number,
): Contract[] {
  const contracts: Contract[] = []
  const add = (
    type: ContractType,
    start: number,
    length: number | null,
    employer?: string,
  ): number | null => {
    if (start > until) return null
    const end = length === null ? null : start + length - 1
    contracts.push({
      employerSiret: employer ?? randomSiret(rng),
      naf: rng.pick(nafCodes),
      type,
      start,
      end: end !== null && end <= until ? end : null,
      hoursRatio: hoursRatio(rng),
    })
    return end
  }
  const first = plans[0]
  const firstStart = first ? first.plannedStart : until - 365
  if (person.status === 'SAL_PRIVE' || person.status === 'SAL_PUBLIC') {
    const adult = person.birthDay + 17 * 365
    const since = Math.min(firstStart - 30, Math.max(adult, firstStart - rng.range(200, 5000)))
    const changes =
      plans.some((p) => p.profile.code === 'PTP' || p.profile.code === 'TRANSCO') && rng.chance(0.4)
    const lastExit = plans.reduce<number | null>(
      (m, p) => (p.exitDay !== null ? Math.max(m ?? 0, p.exitDay) : m),
      null,
    )
    if (changes && lastExit !== null) {
      add('CDI', since, lastExit + rng.range(0, 60) - since)
      const next = lastExit + rng.range(15, 150)
      add(rng.chance(0.6) ? 'CDI' : 'CDD', next, contractLength(rng, 'CDD', 6))
    } else {
      add(rng.chance(0.88) ? 'CDI' : 'CDD', since, rng.chance(0.9) ? null : rng.range(1000, 8000))
    }
    return contracts
  }
  if (person.status === 'INDEP') {
    if (rng.chance(0.2)) add('CDD', firstStart - rng.range(60, 900), rng.range(30, 300))
    return contracts
  }
  if (isJobseekerStatus(person.status) && rng.chance(0.55)) {
    const end = firstStart - rng.range(30, 540)
    const length = Math.round(rng.logNormal(150, 0.8))
    if (end - length > person.birthDay + 16 * 365)
      add(rng.chance(0.5) ? 'CDD' : 'INTERIM', end - length, length)
  }
  let coveredUntil = -Infinity
  for (const plan of plans) {
    if (plan.profile.code === 'CPRO' && plan.entryDay !== null && plan.entryDay <= until) {
      const employer = randomSiret(rng)
      add('PRO', plan.entryDay, (plan.exitDay ?? plan.plannedEnd) - plan.entryDay + 1, employer)
      coveredUntil = Math.max(coveredUntil, plan.exitDay ?? plan.plannedEnd)
      if (plan.exitDay !== null && plan.exitDay <= until && rng.chance(0.35)) {
        add('CDI', plan.exitDay + 1, null, employer)
        coveredUntil = Infinity
        continue
      }
    }
    const exit = plan.exitDay
    if (exit === null || exit > until || exit < coveredUntil) continue
    let p = plan.profile.access6 * (regionEmployment[person.region] ?? 1)
    if (plan.exitReason === 'EMPLOI_TROUVE') p = 0.97
    else if (plan.exitReason === 'ABANDON' || plan.exitReason === 'ABSENCE') p *= 0.75
    const u = rng.float()
    let start: number
    if (u < p) {
      start = rng.chance(plan.profile.quickHire)
        ? exit + rng.int(14)
        : exit + Math.floor(180 * rng.float() ** 1.6)
    } else if (u < p + (1 - p) * 0.3) {
      start = addMonths(exit, 6) + 1 + rng.int(180)
    } else {
      if (rng.chance(0.15)) add('INTERIM', exit + rng.int(300), rng.range(3, 25))
      continue
    }
    const type =
      plan.exitReason === 'EMPLOI_TROUVE' && rng.chance(0.3) ? 'CDI' : plan.profile.contracts.pick(rng)
    const minMonths = plan.profile.code === 'POEI' || plan.profile.code === 'AFPR' ? 6 : 1
    const end = add(type, start, contractLength(rng, type, minMonths))
    coveredUntil = end ?? Infinity
    if (end !== null && rng.chance(0.5)) {
      const next = followUp.pick(rng)
      const nextEnd = add(next, end + 1 + rng.int(120), contractLength(rng, next, 1))
      coveredUntil = nextEnd ?? Infinity
    }
  }
  return contracts
}

/** The `dsn.csv` fields of a contract (`nir,employer_siret,naf,contract_type,start_date,end_date,hours_ratio`). */
export function dsnRow(nir13: string, c: Contract): (string | number)[] {
  return [
    nir13,
    c.employerSiret,
    c.naf,
    c.type,
    isoDate(c.start),
    c.end === null ? '' : isoDate(c.end),
    c.hoursRatio,
  ]
}
