/**
 * CEP accompaniment periods (conseil en évolution professionnelle): the operator that fits the
 * person, level 1 or 2, open or closed with an end reason, versions as interviews go by.
 * @module
 */
import type { CepEndReason, CepProjectType } from '../ingest/record.ts'
import { businessInstant, partnerStyle, partnerTimestamp, type RunContext } from './context.ts'
import { isoDate } from './dates.ts'
import type { FeedOut } from './dossier.ts'
import type { SyntheticPerson } from './person.ts'
import { personAge } from './person.ts'
import { Categorical } from './random.ts'
import { type PersonJson, personJson } from './trainee.ts'

const endReasons = new Categorical<CepEndReason>([
  ['PROJET_FORMALISE', 55],
  ['REORIENTATION', 15],
  ['ABANDON', 15],
  ['AUTRE', 15],
])
const projectTypes = new Categorical<CepProjectType | null>([
  ['FORMATION', 45],
  ['RECONVERSION', 25],
  ['CREATION', 8],
  ['MOBILITE_INTERNE', 10],
  ['AUTRE', 7],
  [null, 5],
])

/** The CEP operator of a person (France Travail, Apec, Missions locales, Cap emploi, CEP_AO). */
export function cepOperator(ctx: RunContext, person: SyntheticPerson, day: number): string {
  const { rng } = ctx
  const age = personAge(person, day)
  const executive = (person.educationLevel ?? 0) >= 6 && age >= 28
  if (person.disability && rng.chance(0.5)) return 'CAPEMPLOI'
  if (person.status === 'JEUNE_ML' || (age < 26 && !person.status.startsWith('SAL') && rng.chance(0.7)))
    return 'ML'
  if (person.status.startsWith('SAL') || person.status === 'INDEP')
    return executive && rng.chance(0.3) ? 'APEC' : 'CEP_AO'
  return executive && rng.chance(0.2) ? 'APEC' : 'FT'
}

interface CepJson {
  type: 'cep'
  id: string
  version: number
  updatedAt: string
  beneficiary: PersonJson
  statusAtEntry: string
  start: string
  end?: string | null
  level: 1 | 2
  endReason?: CepEndReason | null
  projectType?: CepProjectType | null
  interviews?: number | null
  cancelled?: boolean
}

/**
 * Emits the versions of one CEP period starting on `startDay`; `toTraining` makes it end with a
 * formalised training project. Returns false when nothing was sent (start after `until`).
 */
export function emitCep(
  ctx: RunContext,
  person: SyntheticPerson,
  startDay: number,
  toTraining: boolean,
  out: FeedOut,
): boolean {
  const { rng } = ctx
  if (startDay > ctx.until) return false
  const partner = cepOperator(ctx, person, startDay)
  const style = partnerStyle(partner)
  ctx.serial++
  // Personalised advice (level 2) leads to most training projects; a first-level reception
  // (level 1) sometimes directs the person straight to a training too.
  const level: 1 | 2 = rng.chance(toTraining ? 0.88 : 0.62) ? 2 : 1
  const record: CepJson = {
    type: 'cep',
    id: `${partner}-CEP-${String(ctx.serial).padStart(8, '0')}`,
    version: 0,
    updatedAt: '',
    beneficiary: personJson(rng, person, style),
    statusAtEntry: person.status,
    start: isoDate(startDay),
    level,
  }
  if (style.explicitNulls) {
    record.end = null
    record.endReason = null
  }
  record.projectType = toTraining ? 'FORMATION' : projectTypes.pick(rng)
  if (record.projectType === 'MOBILITE_INTERNE' && !person.status.startsWith('SAL'))
    record.projectType = 'RECONVERSION'
  record.interviews = 1
  let last = 0
  const put = (day: number): boolean => {
    if (day > ctx.until) return false
    const instant = businessInstant(rng, style, day, last)
    if (instant > ctx.untilEnd) return false
    last = instant
    record.version++
    record.updatedAt = partnerTimestamp(style, instant)
    out(partner, JSON.stringify(record))
    return true
  }
  if (!put(startDay + rng.int(5))) return false
  const length = level === 1 ? rng.int(30) : rng.range(30, 270)
  const endDay = startDay + length
  if (rng.chance(0.012)) {
    record.cancelled = true
    put(startDay + rng.range(1, 20))
    return true
  }
  if (level === 2 && rng.chance(0.6)) {
    record.interviews = 2 + rng.int(4)
    put(startDay + Math.floor(length / 2))
  }
  if (endDay > ctx.until) return true
  record.end = isoDate(endDay)
  record.endReason = toTraining && rng.chance(0.85) ? 'PROJET_FORMALISE' : endReasons.pick(rng)
  record.interviews = level === 1 ? 1 : Math.max(record.interviews, 2 + rng.int(10))
  put(endDay + rng.int(10))
  return true
}
