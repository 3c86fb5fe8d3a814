/**
 * The `training` part of a dossier: organism (Zipf-like, in the trainee's région), catalogue offer,
 * certification, place, modality — with the anomalies the hub must flag (unknown offer, organism
 * differing from the offer's, SIRET or NDA unknown to the organisms referential, a certification
 * code the register does not hold or one not registered at the start).
 * @module
 */
import type { CertificationType, Modality } from '../ingest/record.ts'
import type { Certification } from './certifications.ts'
import { otherTitles, uncertifiedTitles } from './certifications.ts'
import type { RunContext } from './context.ts'
import type { Offer, Organism } from './organisms.ts'
import { randomSiret, siretIn } from './organisms.ts'
import type { SyntheticPerson } from './person.ts'
import type { DispositifProfile, SenderKind } from './profiles.ts'

/** The JSON object of `training` (mutable: corrections change it between versions). */
export interface TrainingJson {
  title: string
  offerRef?: string | null
  certification: { type: CertificationType; code?: string | null; level?: number | null }
  formacode?: string[]
  nsf?: string | null
  organism: { siret: string; nda?: string | null }
  placeCommune: string | null
  modality: Modality
  plannedStart: string
  plannedEnd: string
  plannedHours: number
}

/** What a training is, before dates: the caller adds planned dates and hours. */
export interface TrainingChoice {
  readonly organism: Organism
  /** The establishment: the offer's, else the organism's in the région of the training (its place's). */
  readonly siret: string
  readonly offer: Offer | null
  readonly type: CertificationType
  readonly certification: Certification | null
  readonly title: string
  readonly nsf: string
  readonly formacode: string
  readonly modality: Modality
  readonly placeCommune: string | null
}

const offerRefShare: Readonly<Record<SenderKind, number>> = {
  REGION: 0.9,
  FT: 0.8,
  CDC: 0.6,
  AGEFIPH: 0.5,
  OPCO: 0.3,
  TPRO: 0.3,
}

// Organisms that still sell a certification after its registration ended, or before it began:
// rare, and what the register's validity check is for.
const OUTSIDE_VALIDITY = 0.005

/** Whether a registered certification is active on `day` (no certification: nothing to check). */
export function activeOn(certification: Certification | null, day: number): boolean {
  if (certification === null) return true
  return certification.activeFrom <= day && (certification.activeTo === null || day <= certification.activeTo)
}

// A popular certification, moved on to the next one in the register active on `day`: funders pay
// for trainings to certifications registered at their start.
function pickActive(list: readonly Certification[], index: number, day: number): Certification {
  for (let k = 0; k < list.length; k++) {
    const candidate = list[(index + k) % list.length] as Certification
    if (activeOn(candidate, day)) return candidate
  }
  return list[index] as Certification
}

/**
 * Chooses organism, offer and certification for a dossier of `profile` planned to start on
 * `startDay`: an offer of the organism whose certification is active then, else one from the
 * register; a few keep an offer to a certification inactive at the start.
 */
export function chooseTraining(
  ctx: RunContext,
  person: SyntheticPerson,
  profile: DispositifProfile,
  startDay: number,
): TrainingChoice {
  const { rng } = ctx
  const type = profile.certification.pick(rng)
  const modality = profile.modality.pick(rng)
  const region = rng.chance(0.94) ? person.region : ctx.geography.pickRegion(rng, false).code
  const organism = ctx.organisms.pick(rng, region)
  const outsideValidity = rng.chance(OUTSIDE_VALIDITY)
  let offer: Offer | null = null
  const n = organism.offers.length
  const start = rng.int(n)
  for (let k = 0; k < n; k++) {
    const candidate = organism.offers[(start + k) % n] as Offer
    if (candidate.certificationType !== type) continue
    if (outsideValidity || activeOn(candidate.certification, startDay)) {
      offer = candidate
      break
    }
  }
  let certification: Certification | null = offer?.certification ?? null
  let title: string
  let nsf: string
  if (offer) {
    title = offer.title
    nsf = offer.nsf
  } else if (type === 'RNCP' || type === 'RS') {
    const reg = ctx.register
    certification =
      type === 'RNCP'
        ? pickActive(reg.rncp, reg.rncpSampler.pick(rng), startDay)
        : pickActive(reg.rs, reg.rsSampler.pick(rng), startDay)
    title = certification.title
    nsf = certification.nsf
  } else {
    ;[title, nsf] = rng.pick(type === 'AUTRE' ? otherTitles : uncertifiedTitles)
  }
  if (profile.code === 'BILAN') [title, nsf] = ['Bilan de compétences', '415']
  if (profile.code === 'VAE' && certification) title = `VAE ${certification.title}`
  let placeCommune: string | null = null
  if (modality !== 'DISTANCE') {
    // A national network trains where its establishment is: the offer's, else the one in the
    // région of the training (siretIn below names the same establishment).
    if (offer) placeCommune = offer.commune
    else if (!organism.national) placeCommune = organism.commune
    else placeCommune = ctx.geography.pickTrainingPlace(rng, region).code
  }
  return {
    organism,
    siret: siretIn(organism, offer ? offer.region : region),
    offer,
    type,
    certification,
    title,
    nsf,
    formacode: offer?.formacode ?? certification?.formacode ?? String(11000 + rng.int(35000)),
    modality,
    placeCommune,
  }
}

/** The `training` JSON of a choice, with the sender's habits and the rare anomalies. */
export function trainingJson(
  ctx: RunContext,
  choice: TrainingChoice,
  sender: SenderKind,
  plannedStart: string,
  plannedEnd: string,
  plannedHours: number,
  explicitNulls: boolean,
): TrainingJson {
  const { rng } = ctx
  let siret = choice.siret
  let nda: string | null = choice.organism.nda
  const anomaly = rng.float()
  if (anomaly < 0.007) siret = randomSiret(rng)
  else if (anomaly < 0.012 && choice.offer)
    siret = ctx.organisms.organisms[rng.int(ctx.organisms.organisms.length)]!.siret
  else if (anomaly < 0.017 && nda) nda = `${nda.slice(0, 4)}${String(rng.int(10_000_000)).padStart(7, '0')}`
  if (rng.chance(0.05)) nda = null
  const certification: TrainingJson['certification'] = { type: choice.type }
  if (choice.certification) {
    // A few send a code the register does not hold: an old-style number of a retired certification.
    certification.code =
      anomaly >= 0.017 && anomaly < 0.019
        ? `${choice.type}${String(100 + rng.int(900)).padStart(4, '0')}`
        : choice.certification.code
    certification.level = choice.certification.level
  } else if (explicitNulls) {
    certification.code = null
    certification.level = null
  }
  const json: TrainingJson = {
    title: choice.title,
    certification,
    organism: nda || explicitNulls ? { siret, nda } : { siret },
    placeCommune: choice.placeCommune,
    modality: choice.modality,
    plannedStart,
    plannedEnd,
    plannedHours,
  }
  if (choice.offer && rng.chance(offerRefShare[sender])) {
    json.offerRef = rng.chance(0.03)
      ? `${choice.offer.ref.slice(0, 2)}_AF_9${String(rng.int(10_000_000)).padStart(7, '0')}`
      : choice.offer.ref
  } else if (explicitNulls) json.offerRef = null
  if (rng.chance(0.92)) json.formacode = [choice.formacode]
  json.nsf = rng.chance(0.2) ? `${choice.nsf}${rng.pick(['f', 'g', 'n', 'p', 's', 't', 'w'])}` : choice.nsf
  return json
}
