import { addDays, addMonths } from '../../lib/dates.ts'

/**
 * Employment outcomes after a training exit, computed from payroll contracts exactly as the
 * partner exchange format defines them (spec/README.md, "Employment outcomes (from dsn)").
 * Pure: contracts and the person's other trainings are passed in.
 */

export type ContractType = 'CDI' | 'CDD' | 'INTERIM' | 'APPRENTISSAGE' | 'PRO' | 'AUTRE'

/** A salaried contract from the DSN referential; `end` is null while it runs. */
export interface Contract {
  readonly type: ContractType
  readonly start: string
  readonly end: string | null
}

/** Another training of the same person (entry and exit dates); not the exited one, nor its co-funders' records. */
export interface TrainingSpell {
  readonly entry: string
  readonly exit: string | null
}

/** The person's situation at exit + horizon. */
export type Situation = 'emploi' | 'en_formation' | 'sans_emploi_salarie'

/** Outcomes at one horizon; `known` is false when exit + horizon is after the data's date. */
export type HorizonOutcome =
  | { readonly known: false }
  | {
      readonly known: true
      /** A contract covers exit + horizon. */
      readonly salaried: boolean
      /** The covering contract (CDI first, else the longest) is a CDI, or a CDD/interim of 6 months or more. */
      readonly lasting: boolean
      /** A contract of at least 1 month starts between the exit and exit + horizon. */
      readonly access: boolean
      readonly situation: Situation
    }

const LASTING_MONTHS = 6
const ACCESS_MONTHS = 1

// A contract lasts at least `months` when its last day reaches the same day `months` later minus
// one (1 January to 30 June is six months). A running contract is measured up to the data's date:
// its planned end is unknown, so only the length already reached counts.
function lastsAtLeast(contract: Contract, months: number, asOf: string): boolean {
  const last = contract.end ?? asOf
  return addDays(last, 1) >= addMonths(contract.start, months)
}

function covers(contract: Contract, date: string): boolean {
  return contract.start <= date && (contract.end === null || contract.end >= date)
}

function length(contract: Contract, asOf: string): number {
  return Date.parse(contract.end ?? asOf) - Date.parse(contract.start)
}

/** The contract that counts when several cover a date: a CDI first, else the longest. */
export function coveringContract(
  contracts: readonly Contract[],
  date: string,
  asOf: string,
): Contract | null {
  const covering = contracts.filter((c) => covers(c, date))
  if (covering.length === 0) return null
  const cdi = covering.find((c) => c.type === 'CDI')
  if (cdi) return cdi
  return covering.reduce((best, c) => (length(c, asOf) > length(best, asOf) ? c : best))
}

/**
 * The outcomes of an exit on `exit` at `months` months, given the person's contracts and other
 * trainings, as known on `asOf` (the date of the data).
 */
export function employmentOutcome(
  exit: string,
  months: number,
  contracts: readonly Contract[],
  otherTrainings: readonly TrainingSpell[],
  asOf: string,
): HorizonOutcome {
  const horizon = addMonths(exit, months)
  if (horizon > asOf) return { known: false }
  const contract = coveringContract(contracts, horizon, asOf)
  const salaried = contract !== null
  const lasting =
    contract !== null &&
    (contract.type === 'CDI' ||
      ((contract.type === 'CDD' || contract.type === 'INTERIM') &&
        lastsAtLeast(contract, LASTING_MONTHS, asOf)))
  const access = contracts.some(
    (c) => c.start >= exit && c.start <= horizon && lastsAtLeast(c, ACCESS_MONTHS, asOf),
  )
  const inTraining = otherTrainings.some((t) => t.entry <= horizon && (t.exit === null || t.exit >= horizon))
  const situation: Situation = salaried ? 'emploi' : inTraining ? 'en_formation' : 'sans_emploi_salarie'
  return { known: true, salaried, lasting, access, situation }
}
