/**
 * Training dossiers: a plan (what happens to the dossier and when), then its records as the sender
 * (and a co-funder) transmit them, version by version — acceptance, corrections, entry, exit,
 * certification result, cancellations and the odd exact retry.
 * @module
 */
import type { CertificationResult, ExitReason } from '../ingest/record.ts'
import { businessInstant, partnerStyle, partnerTimestamp, type RunContext } from './context.ts'
import { isoDate } from './dates.ts'
import { regionPartner } from './partners.ts'
import type { SyntheticPerson } from './person.ts'
import { isJobseekerStatus } from './person.ts'
import { coFundedDispositif, type DispositifProfile, type SenderKind } from './profiles.ts'
import { Categorical, type Random } from './random.ts'
import { type PersonJson, personJson } from './trainee.ts'
import { chooseTraining, type TrainingChoice, type TrainingJson, trainingJson } from './training.ts'

/** How a co-funded dossier's records are linked (spec/README.md, "Shared dossiers"). */
export type CoFundingLink = 'sharedWith' | 'rule'

/** A co-funder topping up a CPF dossier. */
export interface CoFunding {
  readonly partner: string
  readonly id: string
  readonly committed: number
  /** The co-funder's record names the CPF dossier. */
  readonly namesMain: boolean
  /** The CPF record names the co-funder's. */
  readonly namedByMain: boolean
  /** Days between the two records' planned starts. */
  readonly startShift: number
}

/** Everything decided about one dossier before its records are written. */
export interface DossierPlan {
  readonly profile: DispositifProfile
  readonly senderKind: SenderKind
  readonly sender: string
  readonly id: string
  readonly statusAtEntry: string | null
  readonly acceptDay: number
  /** Planned dates of version 1 when the start was later postponed. */
  readonly initialStart: number | null
  readonly plannedStart: number
  readonly plannedEnd: number
  readonly plannedHours: number
  readonly cancelDay: number | null
  readonly entryDay: number | null
  readonly exitDay: number | null
  readonly exitReason: ExitReason | null
  readonly hoursCompleted: number | null
  readonly certificationResult: CertificationResult | null
  /** Days after exit when the result is sent (0: with the exit); null: never sent. */
  readonly resultDelay: number | null
  readonly committed: number
  readonly traineePay: number | null
  readonly choice: TrainingChoice
  readonly coFunding: CoFunding | null
}

/** What a dossier's emission produced, for the run's summary. */
export interface DossierOutcome {
  readonly status: 'ACCEPTE' | 'ENTRE' | 'SORTI' | 'ANNULE' | 'none'
  readonly coFunding: CoFundingLink | null
  readonly corrections: number
  readonly retries: number
}

/** Receives one feed line for a partner. */
export type FeedOut = (partner: string, line: string) => void

const certifiedResult = new Categorical<CertificationResult | null>([
  ['OBTENUE', 74],
  ['PARTIELLE', 6],
  ['ECHEC', 9],
  ['INCONNU', 11],
])
const earlyResult = new Categorical<CertificationResult | null>([
  ['ECHEC', 30],
  ['INCONNU', 40],
  [null, 30],
])
const otherResult = new Categorical<CertificationResult | null>([
  ['OBTENUE', 80],
  ['ECHEC', 10],
  [null, 10],
])

function senderCode(ctx: RunContext, kind: SenderKind, person: SyntheticPerson): string {
  if (kind === 'REGION') return regionPartner(person.region)
  if (kind === 'OPCO') return ctx.opco.pick(ctx.rng)
  return kind
}

function recordId(partner: string, dispositif: string, year: number, serial: number): string {
  const n = String(serial).padStart(8, '0')
  if (partner === 'CDC') return `MCF-${year}-${n}`
  if (partner === 'FT') return `FT-${dispositif}-${n}`
  return `${partner}-${year}-${n}`
}

function exitReasonOf(rng: Random, profile: DispositifProfile): ExitReason {
  let u = rng.float() * 100
  for (const [reason, share] of profile.exits) {
    if (u < share) return reason
    u -= share
  }
  return 'FIN_PARCOURS'
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

/** Decides the life of one dossier of `profile` for `person`, planned to start on `plannedStart`. */
export function planDossier(
  ctx: RunContext,
  person: SyntheticPerson,
  profile: DispositifProfile,
  plannedStart: number,
  acceptDay: number,
): DossierPlan {
  const { rng } = ctx
  const senderKind = profile.senders.pick(rng)
  const sender = senderCode(ctx, senderKind, person)
  ctx.serial++
  const year = Number(isoDate(acceptDay).slice(0, 4))
  const id = recordId(sender, profile.code, year, ctx.serial)
  const h = profile.hours
  const plannedHours = Math.round(Math.min(h.max, Math.max(h.min, rng.logNormal(h.median, h.sigma))))
  const weekly = profile.weekly[0] + rng.float() * (profile.weekly[1] - profile.weekly[0])
  const calendarDays = Math.max(0, Math.ceil((plannedHours / weekly) * 7) - 3)
  const plannedEnd = Math.min(plannedStart + calendarDays, ctx.until + 700)
  const initialStart = rng.chance(0.08) ? plannedStart - rng.range(7, 30) : null
  const choice = chooseTraining(ctx, person, profile, plannedStart)
  const statusAtEntry = rng.chance(0.01) ? null : person.status
  let cancelDay: number | null = null
  let entryDay: number | null = null
  let exitDay: number | null = null
  let exitReason: ExitReason | null = null
  let hoursCompleted: number | null = null
  let certificationResult: CertificationResult | null = null
  let resultDelay: number | null = null
  if (rng.chance(profile.cancel)) {
    cancelDay = acceptDay + rng.int(Math.max(1, plannedStart - acceptDay + 5))
  } else {
    const late = rng.float()
    entryDay = plannedStart + (late < 0.8 ? 0 : late < 0.95 ? rng.range(1, 7) : rng.range(8, 30))
    exitReason = exitReasonOf(rng, profile)
    if (exitReason === 'FIN_PARCOURS') {
      exitDay = Math.max(entryDay, plannedEnd + (rng.chance(0.85) ? 0 : rng.range(-5, 10)))
      hoursCompleted = rng.chance(0.6) ? plannedHours : Math.round(plannedHours * (0.9 + 0.1 * rng.float()))
    } else {
      const fraction = 0.05 + 0.85 * rng.float()
      exitDay = entryDay + Math.floor(fraction * Math.max(0, plannedEnd - entryDay))
      hoursCompleted = Math.round(plannedHours * fraction)
    }
    const certifying = choice.type === 'RNCP' || choice.type === 'RS'
    certificationResult =
      choice.type === 'AUCUNE'
        ? null
        : exitReason !== 'FIN_PARCOURS'
          ? earlyResult.pick(rng)
          : certifying
            ? certifiedResult.pick(rng)
            : otherResult.pick(rng)
    if (certificationResult !== null) {
      const r = rng.float()
      resultDelay = r < 0.45 || exitReason !== 'FIN_PARCOURS' ? 0 : r < 0.88 ? rng.range(15, 90) : null
    }
  }
  const cost = plannedHours * profile.eurosPerHour * (0.7 + 0.6 * rng.float())
  const pays =
    profile.payPerHour > 0 &&
    (profile.code === 'PTP' || profile.code === 'TRANSCO' || person.status !== 'DE_INDEMNISE')
  const traineePay = pays ? round2(plannedHours * profile.payPerHour * (0.8 + 0.4 * rng.float())) : null
  let coFunding: CoFunding | null = null
  if (profile.code === 'CPF' && rng.chance(0.13)) {
    const jobseeker = isJobseekerStatus(person.status)
    const u = rng.float()
    const partner = jobseeker
      ? u < 0.55
        ? 'FT'
        : regionPartner(person.region)
      : u < 0.7
        ? ctx.opco.pick(rng)
        : regionPartner(person.region)
    ctx.serial++
    const link = rng.float()
    coFunding = {
      partner,
      id: recordId(partner, coFundedDispositif, year, ctx.serial),
      committed: Math.round(cost * (0.2 + 0.4 * rng.float())),
      namesMain: link < 0.75,
      namedByMain: link < 0.3 || (link >= 0.75 && link < 0.86),
      startShift: rng.chance(0.7) ? 0 : rng.range(-20, 20),
    }
  }
  return {
    profile,
    senderKind,
    sender,
    id,
    statusAtEntry,
    acceptDay,
    initialStart,
    plannedStart,
    plannedEnd,
    plannedHours,
    cancelDay,
    entryDay,
    exitDay,
    exitReason,
    hoursCompleted,
    certificationResult,
    resultDelay,
    committed: Math.round(cost - (coFunding?.committed ?? 0)),
    traineePay,
    choice,
    coFunding,
  }
}

interface FundingJson {
  funder: string
  committed: number
  paid?: number | null
  traineePay?: number | null
}

interface DossierJson {
  type: 'dossier'
  id: string
  version: number
  updatedAt: string
  dispositif: string
  status: 'ACCEPTE' | 'ENTRE' | 'SORTI' | 'ANNULE'
  sharedWith?: { partner: string; id: string }[]
  trainee: PersonJson
  statusAtEntry?: string | null
  training: TrainingJson
  entry?: { date: string } | null
  exit?: { date: string; reason: ExitReason; hoursCompleted?: number | null } | null
  certificationResult?: CertificationResult | null
  funding: FundingJson[]
}

/** Writes versions of one record, keeping `updatedAt` strictly increasing and within `until`. */
class VersionWriter {
  private last = 0
  corrections = 0
  retries = 0

  constructor(
    private readonly ctx: RunContext,
    private readonly partner: string,
    private readonly out: FeedOut,
    readonly record: DossierJson,
  ) {}

  /** Emits the next version, reported on `day`; false (nothing written) when that is after `until`. */
  put(day: number): boolean {
    const { ctx, record } = this
    if (day > ctx.until) return false
    const style = partnerStyle(this.partner)
    const instant = businessInstant(ctx.rng, style, day, this.last)
    if (instant > ctx.untilEnd) return false
    this.last = instant
    record.version++
    record.updatedAt = partnerTimestamp(style, instant)
    const line = JSON.stringify(record)
    this.out(this.partner, line)
    if (ctx.rng.chance(0.008)) {
      this.out(this.partner, line)
      this.retries++
    }
    return true
  }
}

function lag(rng: Random, partner: string): number {
  return partner === 'CDC' ? rng.int(3) : rng.int(rng.chance(0.8) ? 8 : 30)
}

/** One correction: a field changed, the rest the same (the caller sends it as version + 1). */
function correct(rng: Random, record: DossierJson, ctx: RunContext, person: SyntheticPerson): void {
  const k = rng.int(5)
  if (k === 0)
    record.training.plannedHours = Math.max(
      1,
      Math.round(record.training.plannedHours * (0.85 + 0.3 * rng.float())),
    )
  else if (k === 1 && record.training.placeCommune)
    record.training.placeCommune = ctx.geography.pickTrainingPlace(rng, person.region).code
  else if (k === 2) record.trainee.residenceCommune = ctx.geography.pickResidence(rng, person.region).code
  else if (k === 3 && record.statusAtEntry?.startsWith('DE_'))
    record.statusAtEntry = record.statusAtEntry === 'DE_INDEMNISE' ? 'DE_NON_INDEMNISE' : 'DE_INDEMNISE'
  else {
    const f = record.funding[0] as FundingJson
    f.committed = Math.round(f.committed * (0.9 + 0.25 * rng.float()))
  }
}

/** Emits every version of a planned dossier (and of its co-funder's record) up to `until`. */
export function emitDossier(
  ctx: RunContext,
  plan: DossierPlan,
  person: SyntheticPerson,
  out: FeedOut,
): DossierOutcome {
  const { rng } = ctx
  const style = partnerStyle(plan.sender)
  const start0 = plan.initialStart ?? plan.plannedStart
  const end0 = plan.plannedEnd - (plan.plannedStart - start0)
  const co = plan.coFunding
  const record: DossierJson = {
    type: 'dossier',
    id: plan.id,
    version: 0,
    updatedAt: '',
    dispositif: plan.profile.code,
    status: 'ACCEPTE',
  } as DossierJson
  if (co?.namedByMain) record.sharedWith = [{ partner: co.partner, id: co.id }]
  record.trainee = personJson(rng, person, style)
  if (plan.statusAtEntry !== null) record.statusAtEntry = plan.statusAtEntry
  record.training = trainingJson(
    ctx,
    plan.choice,
    plan.senderKind,
    isoDate(start0),
    isoDate(end0),
    plan.plannedHours,
    style.explicitNulls,
  )
  if (style.explicitNulls) {
    record.entry = null
    record.exit = null
    record.certificationResult = null
  }
  const main: FundingJson = { funder: plan.sender, committed: plan.committed }
  if (style.explicitNulls) main.paid = null
  if (plan.traineePay !== null) main.traineePay = plan.traineePay
  record.funding = [main]
  if (co) record.funding.push({ funder: co.partner, committed: co.committed })

  const w = new VersionWriter(ctx, plan.sender, out, record)
  let coSent: { sent: boolean; retries: number } | null = null
  const result = (status: DossierOutcome['status']): DossierOutcome => ({
    status,
    coFunding: co && coSent?.sent ? (co.namesMain || co.namedByMain ? 'sharedWith' : 'rule') : null,
    corrections: w.corrections,
    retries: w.retries,
  })
  if (!w.put(plan.acceptDay)) return result('none')
  let status: DossierOutcome['status'] = 'ACCEPTE'
  coSent = co ? emitCoFunder(ctx, plan, person, record, out) : null
  if (coSent) w.retries += coSent.retries
  if (plan.initialStart !== null) {
    const day = plan.acceptDay + rng.int(Math.max(1, start0 - plan.acceptDay))
    record.training.plannedStart = isoDate(plan.plannedStart)
    record.training.plannedEnd = isoDate(plan.plannedEnd)
    if (w.put(day)) w.corrections++
    else return result(status)
  }
  if (rng.chance(0.1)) {
    correct(rng, record, ctx, person)
    if (w.put(plan.acceptDay + rng.int(Math.max(1, plan.plannedStart - plan.acceptDay)))) w.corrections++
  }
  if (plan.cancelDay !== null) {
    record.status = 'ANNULE'
    return result(w.put(plan.cancelDay) ? 'ANNULE' : status)
  }
  if (plan.entryDay === null) return result(status)
  record.status = 'ENTRE'
  record.entry = { date: isoDate(plan.entryDay) }
  if (plan.entryDay > ctx.until || !w.put(plan.entryDay + lag(rng, plan.sender))) return result(status)
  status = 'ENTRE'
  const exitDay = plan.exitDay as number
  if (rng.chance(0.08) && exitDay - plan.entryDay > 10) {
    correct(rng, record, ctx, person)
    if (w.put(plan.entryDay + rng.range(5, exitDay - plan.entryDay))) w.corrections++
  }
  // Some partners never send the exit of a few dossiers: they stay ENTRE in the hub.
  if (exitDay > ctx.until || rng.chance(0.015)) return result(status)
  record.status = 'SORTI'
  const exit: NonNullable<DossierJson['exit']> = {
    date: isoDate(exitDay),
    reason: plan.exitReason as ExitReason,
  }
  if (plan.hoursCompleted !== null) exit.hoursCompleted = plan.hoursCompleted
  record.exit = exit
  if (plan.resultDelay === 0) record.certificationResult = plan.certificationResult
  main.paid = round2((plan.committed * (plan.hoursCompleted ?? 0)) / plan.plannedHours)
  if (!w.put(exitDay + lag(rng, plan.sender))) return result(status)
  status = 'SORTI'
  if (plan.resultDelay !== null && plan.resultDelay > 0) {
    record.certificationResult = plan.certificationResult
    w.put(exitDay + plan.resultDelay)
  }
  if (rng.chance(0.04)) {
    exit.hoursCompleted = Math.round((plan.hoursCompleted ?? 0) * (0.9 + 0.1 * rng.float()))
    if (w.put(exitDay + rng.range(30, 120))) w.corrections++
  }
  return result(status)
}

/** The co-funder's own record of a shared CPF dossier (same person, organism, certification). */
function emitCoFunder(
  ctx: RunContext,
  plan: DossierPlan,
  person: SyntheticPerson,
  main: DossierJson,
  out: FeedOut,
): { sent: boolean; retries: number } {
  const { rng } = ctx
  const co = plan.coFunding as CoFunding
  const style = partnerStyle(co.partner)
  const record = {
    type: 'dossier',
    id: co.id,
    version: 0,
    updatedAt: '',
    dispositif: coFundedDispositif,
    status: 'ACCEPTE',
  } as DossierJson
  if (co.namesMain) record.sharedWith = [{ partner: plan.sender, id: plan.id }]
  record.trainee = personJson(rng, person, style)
  if (plan.statusAtEntry !== null) record.statusAtEntry = plan.statusAtEntry
  const t = main.training
  record.training = {
    title: t.title,
    certification: { ...t.certification },
    organism: { ...t.organism },
    placeCommune: t.placeCommune,
    modality: t.modality,
    plannedStart: isoDate(plan.plannedStart + co.startShift),
    plannedEnd: isoDate(Math.max(plan.plannedStart + co.startShift, plan.plannedEnd)),
    plannedHours: plan.plannedHours,
  }
  if (t.formacode) record.training.formacode = [...t.formacode]
  if (t.nsf) record.training.nsf = t.nsf
  const funding: FundingJson = { funder: co.partner, committed: co.committed }
  record.funding = [funding]
  const w = new VersionWriter(ctx, co.partner, out, record)
  const accept = Math.min(plan.acceptDay + rng.range(2, 25), plan.plannedStart + 5)
  if (!w.put(accept)) return { sent: false, retries: 0 }
  const sent = () => ({ sent: true, retries: w.retries })
  if (plan.cancelDay !== null) {
    record.status = 'ANNULE'
    if (rng.chance(0.85)) w.put(Math.max(plan.cancelDay, accept) + rng.range(1, 20))
    return sent()
  }
  if (plan.entryDay === null || plan.entryDay > ctx.until) return sent()
  record.status = 'ENTRE'
  record.entry = { date: isoDate(plan.entryDay) }
  if (!w.put(plan.entryDay + rng.range(3, 30))) return sent()
  const exitDay = plan.exitDay as number
  if (exitDay > ctx.until || rng.chance(0.1)) return sent()
  record.status = 'SORTI'
  record.exit = {
    date: isoDate(exitDay),
    reason: plan.exitReason as ExitReason,
    hoursCompleted: plan.hoursCompleted,
  }
  record.certificationResult = plan.resultDelay === 0 ? plan.certificationResult : null
  funding.paid = round2((co.committed * (plan.hoursCompleted ?? 0)) / plan.plannedHours)
  w.put(exitDay + rng.range(5, 45))
  return sent()
}
