/**
 * Training organisms (`organisms.csv`) with a skewed, Zipf-like size distribution, valid Luhn
 * SIRETs and 11-digit NDAs, and their offers in the regional catalogue (`catalogue.csv`). The
 * national networks have an establishment (a SIRET of the same SIREN) in every région.
 * @module
 */
import type { CertificationType, Modality } from '../ingest/record.ts'
import { completeSiret } from '../lib/siret.ts'
import {
  type Certification,
  type CertificationRegister,
  otherTitles,
  uncertifiedTitles,
  zipf,
} from './certifications.ts'
import type { Geography } from './geography.ts'
import { birthNames } from './names.ts'
import { Categorical, type Random, WeightedSampler } from './random.ts'

/** One offer of the catalogue. */
export interface Offer {
  readonly ref: string
  readonly organism: number
  readonly certificationType: CertificationType
  readonly certification: Certification | null
  /** Title and NSF group of a training without a registered certification. */
  readonly title: string
  readonly nsf: string
  readonly formacode: string
  readonly commune: string
  /** The région of `commune`: the establishment that sells the offer. */
  readonly region: string
  readonly modality: Modality
  readonly hours: number
  readonly price: number
}

/** One establishment of an organism: its SIRET and where it is. */
export interface Establishment {
  readonly siret: string
  readonly commune: string
}

/** One training organism. */
export interface Organism {
  readonly index: number
  /** The head office's SIRET. */
  readonly siret: string
  readonly nda: string | null
  readonly name: string
  readonly commune: string
  readonly region: string
  /** Large networks train everywhere. */
  readonly national: boolean
  readonly qualiopi: boolean
  readonly offers: readonly Offer[]
  /** By région, for national networks: the head office in its own, another SIRET of its SIREN elsewhere. */
  readonly establishments: ReadonlyMap<string, Establishment>
}

/** The SIRET of `organism`'s establishment in `region` (its only one, but for national networks). */
export function siretIn(organism: Organism, region: string): string {
  return organism.establishments.get(region)?.siret ?? organism.siret
}

/** Every establishment of `organism`, the head office first. */
export function establishmentsOf(organism: Organism): Establishment[] {
  const head = { siret: organism.siret, commune: organism.commune }
  return [head, ...[...organism.establishments.values()].filter((e) => e.siret !== organism.siret)]
}

/** The organisms, and per région a sampler over those that train there. */
export interface OrganismDirectory {
  readonly organisms: readonly Organism[]
  pick(rng: Random, region: string): Organism
}

const offerTypes = new Categorical<CertificationType>([
  ['RNCP', 40],
  ['RS', 32],
  ['AUTRE', 14],
  ['AUCUNE', 14],
])

const offerModality = new Categorical<Modality>([
  ['PRESENTIEL', 65],
  ['MIXTE', 20],
  ['DISTANCE', 15],
])

const namePatterns: readonly ((rng: Random, city: string) => string)[] = [
  (rng) => `Institut ${rng.pick(birthNames)} Formation`,
  (_rng, city) => `${city} Compétences`,
  (rng) => `Centre de formation ${rng.pick(birthNames)}`,
  (rng) =>
    `${String.fromCharCode(65 + rng.int(26), 65 + rng.int(26), 65 + rng.int(26))} Conseil et Formation`,
  (_rng, city) => `GRETA ${city}`,
  (rng) =>
    `Académie ${rng.pick(['du Numérique', 'des Métiers', 'du Transport', 'de la Santé', 'du Bâtiment'])}`,
  (rng, city) => `École ${rng.pick(['Supérieure', 'Pratique', 'Régionale'])} de ${city}`,
  (rng) => `${rng.pick(birthNames)} & Associés Formation`,
]

/** Generates a valid 14-digit SIRET (Luhn), never in La Poste's SIREN. */
export function randomSiret(rng: Random): string {
  let first13 = `${1 + rng.int(9)}`
  for (let i = 0; i < 12; i++) first13 += String(rng.int(10))
  if (first13.startsWith('356000000')) first13 = `4${first13.slice(1)}`
  return completeSiret(first13)
}

/**
 * Builds `count` organisms with their offers. Sizes follow rank^-1.1; the largest 2 % are national
 * networks that train in every région.
 */
export function buildOrganisms(
  rng: Random,
  count: number,
  geography: Geography,
  register: CertificationRegister,
): OrganismDirectory {
  const organisms: Organism[] = []
  const seen = new Set<string>()
  const weights: number[] = []
  let offerSerial = 0
  for (let i = 0; i < count; i++) {
    const region = geography.pickRegion(rng, false)
    const commune = geography.pickTrainingPlace(rng, region.code)
    let siret = randomSiret(rng)
    while (seen.has(siret)) siret = randomSiret(rng)
    seen.add(siret)
    const national = i < Math.max(1, Math.round(count * 0.02))
    const regionDigits = region.code.length === 2 ? region.code : '97'
    const dept = commune.departement.replace(/^2[AB]$/, '20').slice(0, 2)
    const nda = rng.chance(0.97)
      ? `${regionDigits}${dept}${String(rng.int(10_000_000)).padStart(7, '0')}`
      : null
    const weight = zipf(i, 1.1, 4)
    weights.push(weight)
    const nOffers = 1 + rng.int(4) + (national ? 12 : i < count * 0.1 ? 4 : 0)
    const offers: Offer[] = []
    for (let k = 0; k < nOffers; k++) {
      const type = offerTypes.pick(rng)
      const place = national
        ? geography.pickTrainingPlace(rng, geography.pickRegion(rng, false).code)
        : commune
      const certification =
        type === 'RNCP'
          ? (register.rncp[register.rncpSampler.pick(rng)] as Certification)
          : type === 'RS'
            ? (register.rs[register.rsSampler.pick(rng)] as Certification)
            : null
      const [title, nsf] = certification
        ? [certification.title, certification.nsf]
        : type === 'AUTRE'
          ? rng.pick(otherTitles)
          : rng.pick(uncertifiedTitles)
      const hours =
        type === 'RNCP'
          ? Math.round(rng.logNormal(480, 0.5))
          : Math.max(7, Math.round(rng.logNormal(type === 'RS' ? 35 : 60, 0.7)))
      offerSerial++
      offers.push({
        ref: `${place.region.length === 2 ? place.region : '97'}_AF_${String(offerSerial).padStart(7, '0')}`,
        organism: i,
        certificationType: type,
        certification,
        title,
        nsf,
        formacode: certification?.formacode ?? String(11000 + rng.int(35000)),
        commune: place.code,
        region: place.region,
        modality: offerModality.pick(rng),
        hours: Math.min(hours, 3000),
        price: Math.round(hours * (12 + rng.int(30))),
      })
    }
    organisms.push({
      index: i,
      siret,
      nda,
      name: rng.pick(namePatterns)(rng, commune.name),
      commune: commune.code,
      region: region.code,
      national,
      qualiopi: rng.chance(0.88),
      offers,
      establishments: new Map(),
    })
  }
  // Drawn after every organism, so that adding them changed none of the draws above.
  for (const organism of organisms) {
    if (!organism.national) continue
    const establishments = organism.establishments as Map<string, Establishment>
    for (const r of geography.regions) {
      if (r.code === organism.region) {
        establishments.set(r.code, { siret: organism.siret, commune: organism.commune })
        continue
      }
      let siret: string
      do siret = completeSiret(`${organism.siret.slice(0, 9)}${String(1 + rng.int(9998)).padStart(4, '0')}`)
      while (seen.has(siret))
      seen.add(siret)
      establishments.set(r.code, { siret, commune: geography.pickTrainingPlace(rng, r.code).code })
    }
  }
  const samplers = new Map<string, { members: Organism[]; sampler: WeightedSampler }>()
  for (const r of geography.regions) {
    const members = organisms.filter((o) => o.national || o.region === r.code)
    samplers.set(r.code, {
      members,
      sampler: new WeightedSampler(members.map((o) => weights[o.index] as number)),
    })
  }
  return {
    organisms,
    pick(r: Random, region: string): Organism {
      const s = samplers.get(region)
      if (!s) throw new Error(`no organism sampler for région ${region}`)
      return s.members[s.sampler.pick(r)] as Organism
    },
  }
}
