/**
 * Synthetic persons: one identity (NIR, names, birth date, sex, residence) shared by all their
 * records, and how the identity register (SNGI) knows them.
 * @module
 */
import { ageAt, civilOf, dayOf, isoDate } from './dates.ts'
import type { Geography } from './geography.ts'
import { birthNames, femaleFirstNames, maleFirstNames, plainUpper } from './names.ts'
import { type NirRegistry, newNir13, withKey } from './nir.ts'
import type { DispositifProfile } from './profiles.ts'
import { Categorical, type Random } from './random.ts'
import type { GeneratorCommune } from './reference.ts'

// No one is named "KEVIN KEVIN": a second name drawn equal to the first becomes the next of the
// list. Drawing again would consume randomness and change every dossier after it.
function secondFirstName(list: readonly string[], first: string, drawn: string): string {
  if (drawn !== first) return drawn
  return list[(list.indexOf(drawn) + 1) % list.length] as string
}

/** How SNGI holds a person: exactly, with another spelling of the birth name, or not at all. */
export type SngiMatch = 'exact' | 'variant' | 'missing'

/** A synthetic person. */
export interface SyntheticPerson {
  readonly nir13: string
  readonly nir15: string
  readonly birthName: string
  readonly usualName: string | null
  readonly firstNames: string
  readonly birthDay: number
  readonly birthDate: string
  readonly sex: 'F' | 'M'
  readonly region: string
  readonly departement: string
  readonly residence: string
  readonly qpv: string | null
  readonly educationLevel: number | null
  readonly disability: boolean | null
  /** Status on the labour market at the first dossier. */
  readonly status: string
  readonly sngi: SngiMatch
}

const ageRanges: readonly (readonly [number, number])[] = [
  [16, 24],
  [25, 39],
  [40, 49],
  [50, 64],
]

const education = new Categorical<number | null>([
  [3, 22],
  [4, 28],
  [5, 16],
  [6, 12],
  [7, 7],
  [2, 3],
  [null, 12],
])

const sngiMatch = new Categorical<SngiMatch>([
  ['exact', 95],
  ['variant', 3],
  ['missing', 2],
])

/** Whether a status is a jobseeker's (or a young person's without a job). */
export function isJobseekerStatus(status: string): boolean {
  return status.startsWith('DE_') || status === 'JEUNE_ML' || status === 'INACTIF'
}

/**
 * A new person for a first dossier of `profile` starting on `startDay`: age band, sex and status
 * from the profile, residence from the geography.
 */
export function createPerson(
  rng: Random,
  geography: Geography,
  registry: NirRegistry,
  profile: DispositifProfile,
  startDay: number,
): SyntheticPerson {
  const sex = rng.chance(profile.female) ? 'F' : 'M'
  const [minAge, maxAge] = ageRanges[profile.ages.pick(rng)] as readonly [number, number]
  const age = rng.range(profile.code === 'CPRO' ? Math.max(minAge, 16) : minAge, maxAge)
  const [sy, sm, sd] = civilOf(startDay)
  // Born between (age + 1) years and age years before the start.
  const latest = dayOf(sy - age, sm, sd)
  const birthDay = latest - rng.int(365)
  const region = geography.pickRegion(rng, profile.jobseeker)
  const commune: GeneratorCommune = geography.pickResidence(rng, region.code)
  const status = profile.statuses.pick(rng)
  const [by, bm] = civilOf(birthDay)
  const nir13 = newNir13(rng, registry, sex, by, bm, geography.pickBirthPlace(rng, commune.departement))
  const birthName = rng.float() < 0.5 ? (birthNames[rng.int(30)] as string) : rng.pick(birthNames)
  const firstList = sex === 'F' ? femaleFirstNames : maleFirstNames
  const first = rng.pick(firstList)
  const firstNames = rng.chance(0.35)
    ? `${first} ${secondFirstName(firstList, first, rng.pick(firstList))}`
    : first
  const married = sex === 'F' && age >= 25 && rng.chance(0.35)
  const qpvChance = commune.population > 20000 ? (isJobseekerStatus(status) ? 0.22 : 0.08) : 0
  const qpv = rng.chance(qpvChance)
    ? `QN${commune.departement.padStart(3, '0')}${commune.code.slice(-2)}${rng.int(6)}`
    : null
  return {
    nir13,
    nir15: withKey(nir13),
    birthName,
    usualName: married ? rng.pick(birthNames) : null,
    firstNames,
    birthDay,
    birthDate: isoDate(birthDay),
    sex,
    region: region.code,
    departement: commune.departement,
    residence: commune.code,
    qpv,
    educationLevel: education.pick(rng),
    disability: profile.code === 'AGEFIPH' ? true : rng.chance(0.3) ? null : rng.chance(0.04),
    status,
    sngi: sngiMatch.pick(rng),
  }
}

/** Age in whole years on a day. */
export function personAge(person: SyntheticPerson, day: number): number {
  return ageAt(person.birthDay, day)
}

/** Another spelling of a birth name, as a register may hold it (a letter doubled, dropped or changed). */
export function variantSpelling(rng: Random, name: string): string {
  const upper = plainUpper(name)
  const i = 1 + rng.int(Math.max(1, upper.length - 2))
  const c = upper[i] ?? 'E'
  const kind = rng.int(3)
  if (kind === 0) return `${upper.slice(0, i)}${c}${upper.slice(i)}`
  if (kind === 1 && upper.length > 3) return `${upper.slice(0, i)}${upper.slice(i + 1)}`
  return `${upper.slice(0, i)}${c === 'Y' ? 'I' : 'Y'}${upper.slice(i + 1)}`
}

/** The `sngi.csv` fields of a person (`nir,birth_name,first_names,birth_date,sex`), or null when missing. */
export function sngiRow(rng: Random, person: SyntheticPerson): (string | null)[] | null {
  if (person.sngi === 'missing') return null
  const name =
    person.sngi === 'variant' ? variantSpelling(rng, person.birthName) : plainUpper(person.birthName)
  return [person.nir13, name, plainUpper(person.firstNames), person.birthDate, person.sex]
}
