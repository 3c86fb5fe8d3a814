/**
 * The synthetic data generator's core: person by person, the records every partner would send
 * (`feeds/<PARTNER>.ndjson`) and the referentials the operator loads, written through a sink so
 * that memory stays flat whatever the number of dossiers. Pure: no clock, no `Math.random`, no
 * file system; the same options give the same lines.
 * @module
 */
import { csvLine } from '../lib/csv.ts'
import { emitCep } from './cep.ts'
import { buildCertifications } from './certifications.ts'
import type { RunContext } from './context.ts'
import { civilOf, dayOf, isoDate, parseIsoDate, weekday } from './dates.ts'
import { type DossierPlan, emitDossier, planDossier } from './dossier.ts'
import { dsnRow, personContracts } from './dsn.ts'
import { Geography } from './geography.ts'
import { type InvalidKind, InvalidMaker, invalidKinds } from './invalid.ts'
import { NirRegistry } from './nir.ts'
import { buildOrganisms, establishmentsOf, siretIn } from './organisms.ts'
import { buildPartners, type Partner } from './partners.ts'
import { createPerson, sngiRow } from './person.ts'
import { type DispositifProfile, opcoWeight, profiles } from './profiles.ts'
import { Categorical, Random, WeightedSampler } from './random.ts'
import type { GeneratorReference } from './reference.ts'

/** The last day of activity when `--until` is not given. */
export const defaultUntil = '2026-09-30'

/** What to generate. */
export interface GenerateOptions {
  /** Number of distinct dossiers (a co-funded dossier counts once, whatever its records). */
  readonly dossiers: number
  /** Seed of the pseudo-random streams: same seed, same output. */
  readonly seed: string
  /** Share (0..1) of extra bad lines mixed into the feeds. */
  readonly invalidRate: number
  /** Last day of activity (`YYYY-MM-DD`): nothing happens after it. */
  readonly until: string
}

/** The kinds of referential CSV files. */
export type ReferentialKind = 'organisms' | 'certifications' | 'catalogue' | 'sngi' | 'dsn'

/** The exact header of each referential (spec/README.md, "Referentials"). */
export const referentialHeaders: Readonly<Record<ReferentialKind, string>> = {
  organisms: 'siret,nda,name,commune,qualiopi',
  certifications: 'code,type,title,level,nsf,active_from,active_to',
  catalogue: 'offer_ref,siret,certification_code,formacode,commune,modality,hours,price',
  sngi: 'nir,birth_name,first_names,birth_date,sex',
  dsn: 'nir,employer_siret,naf,contract_type,start_date,end_date,hours_ratio',
}

/**
 * Where generated lines go. Each method may return a promise, which the generator awaits before
 * going on (backpressure). Lines come without their newline; referential lines start with the header.
 */
export interface GenerateSink {
  /** Declares a partner (all partners come first, in `partners.csv` order). */
  partner(partner: Partner): void | Promise<void>
  /** One NDJSON line of a partner's feed. */
  feed(partnerCode: string, line: string): void | Promise<void>
  /** One CSV line (header first) of a referential. */
  referential(kind: ReferentialKind, line: string): void | Promise<void>
}

/** What a run produced. */
export interface GenerateSummary {
  readonly persons: number
  readonly dossiers: number
  /** Distinct dossiers by dispositif (the sender's record; co-funders' records not counted). */
  readonly dispositifs: Record<string, number>
  /** Distinct dossiers by status at `until`. */
  readonly statuses: Record<string, number>
  /** Co-funded CPF dossiers, by how their records are linked. */
  readonly coFunded: { readonly sharedWith: number; readonly rule: number }
  readonly cepPeriods: number
  /** Feed lines by partner (valid and invalid). */
  readonly feedLines: Record<string, number>
  readonly validLines: number
  readonly corrections: number
  readonly retries: number
  readonly invalid: Record<InvalidKind, number>
  /** Data rows (header excluded) by referential. */
  readonly referentials: Record<ReferentialKind, number>
}

const monthWeight = [1.2, 1.0, 1.15, 1.0, 0.9, 0.85, 0.55, 0.35, 1.35, 1.25, 1.1, 0.55]
const weekdayWeight = [1.6, 1.1, 1.0, 0.9, 0.6, 0.04, 0.02]
const yearWeight: Readonly<Record<number, number>> = { 2021: 0.95, 2022: 1.05, 2023: 1.05, 2024: 0.95 }

const dossiersPerPerson = new Categorical<number>([
  [1, 78],
  [2, 15],
  [3, 5],
  [4, 2],
])

/** Checks options; throws with a terse message naming the bad value. */
export function checkOptions(options: GenerateOptions): number {
  if (!Number.isInteger(options.dossiers) || options.dossiers < 1)
    throw new Error(`invalid dossiers: ${options.dossiers}`)
  if (!(options.invalidRate >= 0 && options.invalidRate <= 1))
    throw new Error(`invalid invalid-rate: ${options.invalidRate}`)
  const until = parseIsoDate(options.until)
  if (Number.isNaN(until) || until < dayOf(2021, 6, 1)) throw new Error(`invalid until: ${options.until}`)
  return until
}

async function emitAll(
  sink: GenerateSink,
  kind: ReferentialKind,
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  await sink.referential(kind, referentialHeaders[kind])
  let n = 0
  for (const row of rows) {
    const r = sink.referential(kind, csvLine(row as (string | number | boolean | null)[]))
    if (r) await r
    n++
  }
  return n
}

/**
 * Generates a whole hub's input: partners, referentials and feeds, person by person.
 *
 * @example
 * const reference = await loadGeneratorReference()
 * const summary = await generate({ dossiers: 1000, seed: '1', invalidRate: 0, until: defaultUntil }, reference, sink)
 */
export async function generate(
  options: GenerateOptions,
  reference: GeneratorReference,
  sink: GenerateSink,
): Promise<GenerateSummary> {
  const until = checkOptions(options)
  const rng = Random.derive(options.seed, 'data')
  const invalidRng = Random.derive(options.seed, 'invalid')
  const geography = new Geography(reference)
  const n = options.dossiers
  const register = buildCertifications(
    Random.derive(options.seed, 'certifications'),
    Math.min(15000, Math.max(60, Math.round(n / 80))),
    reference.nsfGroups,
  )
  const organisms = buildOrganisms(
    Random.derive(options.seed, 'organisms'),
    Math.min(40000, Math.max(30, Math.round(n / 40))),
    geography,
    register,
  )
  const ctx: RunContext = {
    rng,
    until,
    untilEnd: until * 86400 + 86399 - 3600,
    geography,
    organisms,
    register,
    opco: new Categorical(reference.opco.map((o) => [o.code, opcoWeight[o.code] ?? 5] as const)),
    serial: 0,
  }

  const partners = buildPartners(reference)
  for (const p of partners) await sink.partner(p)
  const referentials: Record<ReferentialKind, number> = {
    organisms: 0,
    certifications: 0,
    catalogue: 0,
    sngi: 0,
    dsn: 0,
  }
  referentials.organisms = await emitAll(
    sink,
    'organisms',
    organisms.organisms.flatMap((o) =>
      establishmentsOf(o).map((e) => [e.siret, o.nda, o.name, e.commune, o.qualiopi]),
    ),
  )
  referentials.certifications = await emitAll(
    sink,
    'certifications',
    register.all.map((c) => [
      c.code,
      c.type,
      c.title,
      c.level,
      c.nsf,
      isoDate(c.activeFrom),
      c.activeTo === null ? null : isoDate(c.activeTo),
    ]),
  )
  referentials.catalogue = await emitAll(
    sink,
    'catalogue',
    organisms.organisms.flatMap((o) =>
      o.offers.map((f) => [
        f.ref,
        siretIn(o, f.region),
        f.certification?.code ?? null,
        f.formacode,
        f.commune,
        f.modality,
        f.hours,
        f.price,
      ]),
    ),
  )
  await sink.referential('sngi', referentialHeaders.sngi)
  await sink.referential('dsn', referentialHeaders.dsn)

  // Planned starts: 2021 to a little after `until`, with seasons and weekdays.
  const firstDay = dayOf(2021, 1, 4)
  const lastDay = until + 90
  const dayWeights = new Float64Array(lastDay - firstDay + 1)
  for (let d = firstDay; d <= lastDay; d++) {
    const [y, m] = civilOf(d)
    dayWeights[d - firstDay] =
      (yearWeight[y] ?? 0.9) * (monthWeight[m - 1] ?? 1) * (weekdayWeight[weekday(d)] ?? 1)
  }
  const days = new WeightedSampler(dayWeights)
  const profileSampler = new WeightedSampler(profiles.map((p) => p.weight))
  const pickProfile = (): DispositifProfile => profiles[profileSampler.pick(rng)] as DispositifProfile
  const pickStart = (profile: DispositifProfile, notBefore: number): [number, number] | null => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const start = notBefore > 0 ? notBefore + rng.int(900) : firstDay + days.pick(rng)
      if (start > lastDay) continue
      const accept = start - rng.range(profile.lead[0], profile.lead[1])
      if (accept <= until) return [start, accept]
    }
    return null
  }

  const registry = new NirRegistry()
  const invalidMaker = new InvalidMaker(invalidRng)
  const invalid = Object.fromEntries(invalidKinds.map((k) => [k, 0])) as Record<InvalidKind, number>
  const feedLines: Record<string, number> = Object.fromEntries(partners.map((p) => [p.code, 0]))
  const dispositifs: Record<string, number> = {}
  const statuses: Record<string, number> = {}
  let persons = 0
  let dossiers = 0
  let cepPeriods = 0
  let validLines = 0
  let corrections = 0
  let retries = 0
  const coFunded = { sharedWith: 0, rule: 0 }
  const buffer: [string, string][] = []
  const out = (partner: string, line: string): void => {
    buffer.push([partner, line])
  }

  while (dossiers < n) {
    const cepOnly = rng.chance(0.18)
    let profile = pickProfile()
    const first = pickStart(profile, 0)
    if (!first) continue
    const person = createPerson(rng, geography, registry, profile, first[0])
    const plans: DossierPlan[] = []
    if (!cepOnly) {
      const count = Math.min(n - dossiers, dossiersPerPerson.pick(rng))
      plans.push(planDossier(ctx, person, profile, first[0], first[1]))
      for (let k = 1; k < count; k++) {
        const previous = plans[k - 1] as DossierPlan
        if (!rng.chance(0.4)) {
          for (let tries = 0; tries < 8; tries++) {
            const candidate = pickProfile()
            if (candidate.admits.has(person.status)) {
              profile = candidate
              break
            }
          }
        }
        const next = pickStart(profile, previous.plannedStart + 30)
        if (!next) break
        plans.push(planDossier(ctx, person, profile, next[0], next[1]))
      }
    }
    let emitted = false
    // Partners transmit from the hub's first day: a CEP period begun before it is not in the
    // feeds. Without this cut, the periods of 2020 were mostly those that led to a training of
    // 2021, and 2020 showed a CEP → training rate twice that of any other year.
    if (cepOnly) {
      if (first[1] >= firstDay) emitted = emitCep(ctx, person, first[1], false, out)
    } else if (rng.chance((plans[0] as DossierPlan).profile.cepBefore)) {
      const p0 = plans[0] as DossierPlan
      const start = p0.acceptDay - rng.range(20, 330)
      if (start >= firstDay) emitted = emitCep(ctx, person, start, true, out)
    }
    if (emitted) cepPeriods++
    for (const plan of plans) {
      const outcome = emitDossier(ctx, plan, person, out)
      if (outcome.status === 'none') continue
      emitted = true
      dossiers++
      dispositifs[plan.profile.code] = (dispositifs[plan.profile.code] ?? 0) + 1
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1
      if (outcome.coFunding) coFunded[outcome.coFunding]++
      corrections += outcome.corrections
      retries += outcome.retries
    }
    if (!emitted) continue
    persons++
    for (const [partner, line] of buffer) {
      if (options.invalidRate > 0 && invalidRng.chance(options.invalidRate)) {
        const bad = invalidMaker.make(line, until)
        invalid[bad.kind]++
        feedLines[partner] = (feedLines[partner] ?? 0) + 1
        const r = sink.feed(partner, bad.line)
        if (r) await r
      }
      validLines++
      feedLines[partner] = (feedLines[partner] ?? 0) + 1
      const r = sink.feed(partner, line)
      if (r) await r
    }
    buffer.length = 0
    const identity = sngiRow(rng, person)
    if (identity) {
      referentials.sngi++
      const r = sink.referential('sngi', csvLine(identity))
      if (r) await r
    }
    for (const contract of personContracts(rng, person, plans, until)) {
      referentials.dsn++
      const r = sink.referential('dsn', csvLine(dsnRow(person.nir13, contract)))
      if (r) await r
    }
  }
  return {
    persons,
    dossiers,
    dispositifs,
    statuses,
    coFunded,
    cepPeriods,
    feedLines,
    validLines,
    corrections,
    retries,
    invalid,
    referentials,
  }
}
