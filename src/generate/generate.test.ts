import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { nirKeyIsValid } from '../lib/nir.ts'
import { siretIsValid } from '../lib/siret.ts'
import { loadCodeLists } from '../reference/code-lists.ts'
import { addMonths, ageAt, parseIsoDate } from './dates.ts'
import {
  defaultUntil,
  type GenerateOptions,
  type GenerateSink,
  type GenerateSummary,
  generate,
  type ReferentialKind,
  referentialHeaders,
} from './generate.ts'
import { invalidKinds } from './invalid.ts'
import { plainUpper } from './names.ts'
import type { Partner } from './partners.ts'
import { type GeneratorReference, loadGeneratorReference } from './reference.ts'

interface Run {
  summary: GenerateSummary
  partners: Partner[]
  feeds: Map<string, string[]>
  referentials: Map<ReferentialKind, string[]>
}

function memorySink() {
  const run = { partners: [] as Partner[], feeds: new Map<string, string[]>(), referentials: new Map() }
  const sink: GenerateSink = {
    partner: (p) => {
      run.partners.push(p)
      run.feeds.set(p.code, [])
    },
    feed: (code, line) => {
      run.feeds.get(code)?.push(line)
    },
    referential: (kind, line) => {
      const lines = run.referentials.get(kind) ?? []
      if (lines.length === 0) run.referentials.set(kind, lines)
      lines.push(line)
    },
  }
  return { run, sink }
}

let reference: GeneratorReference
async function runWith(options: Partial<GenerateOptions>): Promise<Run> {
  const { run, sink } = memorySink()
  const summary = await generate(
    { dossiers: 1000, seed: 't', invalidRate: 0, until: defaultUntil, ...options },
    reference,
    sink,
  )
  return { ...run, summary }
}

function digest(run: Run): string {
  const h = createHash('sha256')
  for (const [code, lines] of run.feeds) h.update(`${code}\n${lines.join('\n')}`)
  for (const [kind, lines] of run.referentials) h.update(`${kind}\n${lines.join('\n')}`)
  return h.digest('hex')
}

type Json = any

const schemaDir = new URL('../ingest/schema/', import.meta.url)
const ajv = new Ajv2020({ allErrors: false, strict: false })
// ajv-formats is CommonJS: under NodeNext its default import is the module, the plugin is `.default`.
formats.default(ajv)
ajv.addSchema(JSON.parse(readFileSync(new URL('dossier.schema.json', schemaDir), 'utf8')))
ajv.addSchema(JSON.parse(readFileSync(new URL('cep.schema.json', schemaDir), 'utf8')))
const validateDossier = ajv.getSchema('dossier.schema.json')!
const validateCep = ajv.getSchema('cep.schema.json')!

type Lists = Awaited<ReturnType<typeof loadCodeLists>>
let lists: Lists
let currentCommunes: Set<string>

/** The hub's checks, as the spec states them: an empty list when the record passes. */
function problems(line: string, until: number): string[] {
  let o: Json
  try {
    o = JSON.parse(line)
  } catch {
    return ['json']
  }
  const found: string[] = []
  const validate = o.type === 'cep' ? validateCep : validateDossier
  if (!validate(o)) return [`schema ${JSON.stringify(validate.errors?.[0])}`]
  const person = o.type === 'cep' ? o.beneficiary : o.trainee
  const limit = addMonths(until, 24)
  const dateOk = (d: string | null | undefined, path: string) => {
    if (!d) return
    const day = parseIsoDate(d)
    if (day < parseIsoDate('1900-01-01') || day > limit) found.push(`date ${path}`)
  }
  if (person.nir.length === 15 && !nirKeyIsValid(person.nir)) found.push('nir key')
  if (!currentCommunes.has(person.residenceCommune)) found.push('commune')
  dateOk(person.birthDate, 'birthDate')
  if (o.type === 'cep') {
    if (!lists.statutsStagiaire.has(o.statusAtEntry)) found.push('status')
    if (o.end && !o.endReason) found.push('endReason')
    dateOk(o.start, 'start')
    dateOk(o.end, 'end')
    const age = ageAt(parseIsoDate(person.birthDate), parseIsoDate(o.start))
    if (age < 14 || age > 90) found.push('age')
    return found
  }
  const t = o.training
  if (!lists.dispositifs.has(o.dispositif)) found.push('dispositif')
  if (o.statusAtEntry != null && !lists.statutsStagiaire.has(o.statusAtEntry)) found.push('status')
  if (t.placeCommune != null && !currentCommunes.has(t.placeCommune)) found.push('place')
  if (
    t.nsf != null &&
    (!lists.nsfGroups.has(t.nsf.slice(0, 3)) || (t.nsf.length === 4 && !lists.nsfLetters.has(t.nsf[3])))
  )
    found.push('nsf')
  if (t.certification.level != null && !lists.certificationLevels.has(t.certification.level))
    found.push('level')
  if (!siretIsValid(t.organism.siret)) found.push('siret')
  if (t.plannedEnd < t.plannedStart) found.push('plannedEnd')
  if ((o.status === 'ENTRE' || o.status === 'SORTI') && !o.entry) found.push('entry')
  if (o.status === 'SORTI' && !o.exit) found.push('exit')
  if (o.exit && o.entry && o.exit.date < o.entry.date) found.push('exit<entry')
  const c = t.certification
  if (
    (c.type === 'RNCP' || c.type === 'RS') &&
    (!c.code || !String(c.code).startsWith(c.type) || (c.type === 'RS' && c.code.startsWith('RNCP')))
  )
    found.push('certification code')
  for (const [d, path] of [
    [t.plannedStart, 'plannedStart'],
    [t.plannedEnd, 'plannedEnd'],
    [o.entry?.date, 'entry'],
    [o.exit?.date, 'exit'],
  ] as const)
    dateOk(d, path)
  const age = ageAt(parseIsoDate(person.birthDate), parseIsoDate(t.plannedStart))
  if (age < 14 || age > 90) found.push('age')
  return found
}

function records(run: Run): { partner: string; o: Json; line: string }[] {
  const all: { partner: string; o: Json; line: string }[] = []
  for (const [partner, lines] of run.feeds)
    for (const line of lines) all.push({ partner, o: JSON.parse(line), line })
  return all
}

const until = parseIsoDate(defaultUntil)

describe('generate', () => {
  let main: Run
  beforeAll(async () => {
    reference = await loadGeneratorReference()
    lists = await loadCodeLists()
    currentCommunes = new Set(reference.communes.map((c) => c.code))
    main = await runWith({ dossiers: 6000, seed: 'main' })
  })

  it('is deterministic: same seed, same lines; another seed, other lines', async () => {
    const a = await runWith({ dossiers: 800, seed: 'x' })
    const b = await runWith({ dossiers: 800, seed: 'x' })
    const c = await runWith({ dossiers: 800, seed: 'y' })
    expect(digest(a)).toBe(digest(b))
    expect(digest(a)).not.toBe(digest(c))
    expect(a.summary).toEqual(b.summary)
  })

  it('declares the partners of DOMAIN.md with valid codes', () => {
    const kinds = new Map<string, number>()
    for (const p of main.partners) {
      expect(p.code).toMatch(/^[A-Z0-9_]{2,24}$/)
      kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1)
    }
    expect(kinds.get('REGION')).toBe(18)
    expect(kinds.get('OPCO')).toBe(11)
    expect(main.partners.map((p) => p.code)).toEqual(
      expect.arrayContaining(['R84', 'R94', 'R06', 'FT', 'CDC', 'TPRO', 'AGEFIPH', 'APEC', 'ML']),
    )
    expect(main.partners.length).toBeGreaterThanOrEqual(35)
  })

  it('writes only valid records when invalid-rate is 0 (schema, rules, codes)', () => {
    expect(main.summary.dossiers).toBe(6000)
    const bad: string[] = []
    for (const [, lines] of main.feeds)
      for (const line of lines) {
        const p = problems(line, until)
        if (p.length) bad.push(`${p.join(';')} ${line.slice(0, 200)}`)
      }
    expect(bad.slice(0, 5)).toEqual([])
  })

  it('gives every record version increasing updatedAt and versions, retries identical', () => {
    const last = new Map<string, { version: number; at: number; line: string }>()
    let retries = 0
    for (const { partner, o, line } of records(main)) {
      const key = `${partner}/${o.type}/${o.id}`
      const at = Date.parse(o.updatedAt)
      const prev = last.get(key)
      if (prev) {
        if (prev.version === o.version) {
          expect(line).toBe(prev.line)
          retries++
        } else {
          expect(o.version).toBe(prev.version + 1)
          expect(at).toBeGreaterThan(prev.at)
        }
      } else expect(o.version).toBe(1)
      expect(at).toBeLessThanOrEqual(Date.parse(`${defaultUntil}T23:59:59+02:00`))
      last.set(key, { version: o.version, at, line })
    }
    expect(retries).toBe(main.summary.retries)
    const statuses = new Set([...last.values()].map((v) => JSON.parse(v.line).status))
    expect(statuses).toEqual(new Set(['ACCEPTE', 'ENTRE', 'SORTI', 'ANNULE', undefined]))
  })

  it('keeps identities consistent across records and mostly certified by SNGI', () => {
    const persons = new Map<string, string>()
    let nir13 = 0
    let total = 0
    for (const { o } of records(main)) {
      const p = o.type === 'cep' ? o.beneficiary : o.trainee
      const id = `${plainUpper(p.birthName)}|${plainUpper(p.firstNames)}|${p.birthDate}|${p.sex}`
      const key = p.nir.slice(0, 13)
      if (p.nir.length === 13) nir13++
      total++
      expect(persons.get(key) ?? id).toBe(id)
      persons.set(key, id)
      expect(Number(p.nir[0])).toBe(p.sex === 'M' ? 1 : 2)
      expect(p.nir.slice(1, 5)).toBe(`${p.birthDate.slice(2, 4)}${p.birthDate.slice(5, 7)}`)
    }
    expect(nir13 / total).toBeGreaterThan(0.01)
    expect(nir13 / total).toBeLessThan(0.3)
    const sngi = main.referentials
      .get('sngi')!
      .slice(1)
      .map((l) => l.split(','))
    let certified = 0
    for (const [nir, name, , birth, sex] of sngi) {
      const id = persons.get(nir!)
      expect(id).toBeDefined()
      const [n, , b, s] = id!.split('|')
      if (n === name && b === birth && s === sex) certified++
    }
    const share = certified / persons.size
    expect(share).toBeGreaterThan(0.9)
    expect(share).toBeLessThan(0.99)
  })

  it('gives no one the same first name twice', () => {
    const repeated = new Set<string>()
    let two = 0
    for (const { o } of records(main)) {
      const names = plainUpper((o.type === 'cep' ? o.beneficiary : o.trainee).firstNames).split(' ')
      if (names.length > 1) two++
      if (new Set(names).size < names.length) repeated.add(names.join(' '))
    }
    expect(two).toBeGreaterThan(0)
    expect([...repeated]).toEqual([])
  })

  it('writes valid SIRETs in organisms, records and DSN, and 11-digit NDAs', () => {
    const organisms = main.referentials.get('organisms')!
    for (const line of organisms.slice(1)) {
      const [siret, nda] = line.split(',')
      expect(siretIsValid(siret!)).toBe(true)
      if (nda) expect(nda).toMatch(/^[0-9]{11}$/)
    }
    for (const line of main.referentials.get('dsn')!.slice(1)) {
      const [nir, siret, , type, start, end, ratio] = line.split(',')
      expect(nir).toMatch(/^[12][0-9]{4}([0-9]{2}|2[AB])[0-9]{6}$/)
      expect(siretIsValid(siret!)).toBe(true)
      expect(['CDI', 'CDD', 'INTERIM', 'APPRENTISSAGE', 'PRO', 'AUTRE']).toContain(type)
      expect(parseIsoDate(start!)).toBeLessThanOrEqual(until)
      if (end) expect(end >= start! && parseIsoDate(end) <= until).toBe(true)
      expect(Number(ratio) > 0 && Number(ratio) <= 1).toBe(true)
    }
  })

  it('gives national networks an establishment of their SIREN in every région, which their offers and records name', () => {
    const organisms = main.referentials
      .get('organisms')!
      .slice(1)
      .map((l) => l.split(','))
    const sirets = organisms.map(([siret]) => siret!)
    expect(new Set(sirets).size).toBe(sirets.length)
    const bySiren = new Map<string, string[][]>()
    for (const row of organisms)
      bySiren.set(row[0]!.slice(0, 9), [...(bySiren.get(row[0]!.slice(0, 9)) ?? []), row])
    const networks = [...bySiren.values()].filter((rows) => rows.length > 1)
    expect(networks.length).toBeGreaterThan(0)
    for (const rows of networks) {
      // One name and NDA (the legal unit's), one establishment per région (its commune's).
      expect(new Set(rows.map((r) => `${r[1]}|${r[2]}`)).size).toBe(1)
      const regions = rows.map((r) => reference.communes.find((c) => c.code === r[3])!.region)
      expect(new Set(regions).size).toBe(rows.length)
    }
    const known = new Set(sirets)
    for (const line of main.referentials.get('catalogue')!.slice(1))
      expect(known.has(line.split(',')[1]!)).toBe(true)
    const networkSirets = new Set(networks.flat().map((r) => r[0]))
    const used = new Set(
      records(main)
        .map(({ o }) => (o.training as { organism?: { siret?: string } } | undefined)?.organism?.siret)
        .filter((s) => s !== undefined && networkSirets.has(s)),
    )
    // Records go to many establishments of the networks, not only to their head offices.
    expect(used.size).toBeGreaterThan(networks.length * 3)
    // A record names the establishment of the région where its training takes place (but for the
    // rare anomalies the generator sends on purpose: another organism's SIRET).
    const regionOf = new Map(reference.communes.map((c) => [c.code, c.region]))
    const establishment = new Map(organisms.map((r) => [r[0]!, regionOf.get(r[3]!)]))
    const placed = records(main)
      .map(
        ({ o }) => o.training as { organism?: { siret?: string }; placeCommune?: string | null } | undefined,
      )
      .filter((t) => networkSirets.has(t?.organism?.siret ?? '') && t?.placeCommune)
    const same = placed.filter(
      (t) => establishment.get(t!.organism!.siret!) === regionOf.get(t!.placeCommune!),
    )
    expect(placed.length).toBeGreaterThan(100)
    expect(same.length / placed.length).toBeGreaterThan(0.95)
  })

  it('writes the referentials with the exact headers of the spec', () => {
    const expected: Record<ReferentialKind, string> = {
      organisms: 'siret,nda,name,commune,qualiopi',
      certifications: 'code,type,title,level,nsf,active_from,active_to',
      catalogue: 'offer_ref,siret,certification_code,formacode,commune,modality,hours,price',
      sngi: 'nir,birth_name,first_names,birth_date,sex',
      dsn: 'nir,employer_siret,naf,contract_type,start_date,end_date,hours_ratio',
    }
    expect(referentialHeaders).toEqual(expected)
    for (const kind of Object.keys(expected) as ReferentialKind[]) {
      const lines = main.referentials.get(kind)!
      expect(lines[0]).toBe(expected[kind])
      expect(lines.length - 1).toBe(main.summary.referentials[kind])
    }
    for (const line of main.referentials.get('certifications')!.slice(1)) {
      const [code, type, , level] = line.split(',')
      expect(code!.startsWith(type!)).toBe(true)
      if (type === 'RNCP') expect(Number(level)).toBeGreaterThanOrEqual(3)
    }
  })

  it('funds trainings to certifications registered on their start, but for about 1 in 200, and a few to codes the register lacks', () => {
    const validity = new Map<string, [string, string]>()
    for (const line of main.referentials.get('certifications')!.slice(1)) {
      const fields = line.split(',')
      validity.set(fields[0]!, [fields.at(-2)!, fields.at(-1)!])
    }
    const latest = new Map<string, Record<string, any>>()
    for (const [, lines] of main.feeds)
      for (const line of lines) {
        const o = JSON.parse(line)
        if (o.type === 'dossier' && o.training?.certification?.code) latest.set(o.id, o)
      }
    let outside = 0
    let unknown = 0
    for (const o of latest.values()) {
      const registered = validity.get(o.training.certification.code)
      if (!registered) {
        unknown++
        continue
      }
      const [from, to] = registered
      const start: string = o.entry?.date ?? o.training.plannedStart
      if (start < from || (to !== '' && start > to)) outside++
    }
    expect(latest.size).toBeGreaterThan(3000)
    expect(outside / latest.size).toBeGreaterThan(0.001)
    expect(outside / latest.size).toBeLessThan(0.02)
    // and a few send a code the register does not hold
    expect(unknown / latest.size).toBeGreaterThan(0.0005)
    expect(unknown / latest.size).toBeLessThan(0.01)
  })

  it('reproduces the dispositif mix, senders and CPF age bands', () => {
    const s = main.summary
    const share = (code: string) => (s.dispositifs[code] ?? 0) / s.dossiers
    expect(share('CPF')).toBeGreaterThan(0.38)
    expect(share('CPF')).toBeLessThan(0.54)
    expect(share('PRF')).toBeGreaterThan(0.08)
    expect(share('PDC')).toBeGreaterThan(0.05)
    const senders: Record<string, string[]> = {
      CPF: ['CDC'],
      PRF: ['REGION'],
      AIF: ['FT'],
      AFC: ['FT'],
      POEI: ['FT'],
      AFPR: ['FT'],
      POEC: ['FT', 'OPCO'],
      PTP: ['TPRO'],
      PROA: ['OPCO'],
      CPRO: ['OPCO'],
      PDC: ['OPCO'],
      AGEFIPH: ['AGEFIPH'],
    }
    const kindOf = new Map(main.partners.map((p) => [p.code, p.kind]))
    const bands = [0, 0, 0, 0]
    const hours: Record<string, number[]> = { CPF: [], FT: [], REGION: [] }
    for (const { partner, o } of records(main)) {
      if (o.type !== 'dossier' || o.version !== 1) continue
      const kind = kindOf.get(partner)!
      if (senders[o.dispositif]) expect(senders[o.dispositif]).toContain(kind)
      if (o.dispositif === 'CPF') {
        const age = ageAt(parseIsoDate(o.trainee.birthDate), parseIsoDate(o.training.plannedStart))
        bands[age < 25 ? 0 : age < 40 ? 1 : age < 50 ? 2 : 3]!++
        hours.CPF!.push(o.training.plannedHours)
      } else if (kind === 'FT' || kind === 'REGION') hours[kind]!.push(o.training.plannedHours)
    }
    const total = bands.reduce((a, b) => a + b, 0)
    const [b0, b1, b2, b3] = bands.map((b) => b / total)
    expect(b0).toBeGreaterThan(0.06)
    expect(b0).toBeLessThan(0.15)
    expect(b1).toBeGreaterThan(0.38)
    expect(b1).toBeLessThan(0.52)
    expect(b2).toBeGreaterThan(0.18)
    expect(b2).toBeLessThan(0.29)
    expect(b3).toBeGreaterThan(0.16)
    expect(b3).toBeLessThan(0.28)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(hours.CPF!)).toBeGreaterThan(40)
    expect(mean(hours.CPF!)).toBeLessThan(90)
    expect(mean(hours.FT!)).toBeGreaterThan(220)
    expect(mean(hours.FT!)).toBeLessThan(450)
    expect(mean(hours.REGION!)).toBeGreaterThan(500)
    expect(mean(hours.REGION!)).toBeLessThan(800)
  })

  it('co-funds 10–15 % of CPF dossiers, linked by sharedWith or by the matching rule', () => {
    const s = main.summary
    const coFunded = s.coFunded.sharedWith + s.coFunded.rule
    const share = coFunded / (s.dispositifs.CPF ?? 1)
    expect(share).toBeGreaterThan(0.1)
    expect(share).toBeLessThan(0.16)
    expect(s.coFunded.rule).toBeGreaterThan(0)
    const cdc = new Map<string, Json[]>()
    const co: Json[] = []
    for (const { partner, o } of records(main)) {
      if (o.type !== 'dossier') continue
      if (partner === 'CDC') {
        const key = o.trainee.nir.slice(0, 13)
        cdc.set(key, [...(cdc.get(key) ?? []), o])
      } else if (o.dispositif === 'CPF_ABONDE' && o.version === 1) co.push(o)
    }
    expect(new Set(co.map((o) => o.id)).size).toBe(coFunded)
    for (const o of co) {
      const candidates = cdc.get(o.trainee.nir.slice(0, 13)) ?? []
      const match = candidates.some(
        (c) =>
          c.training.organism.siret === o.training.organism.siret &&
          (c.training.certification.code ?? null) === (o.training.certification.code ?? null) &&
          Math.abs(parseIsoDate(c.training.plannedStart) - parseIsoDate(o.training.plannedStart)) <= 31,
      )
      expect(match).toBe(true)
    }
  })

  it('makes employment outcomes differ by dispositif (POEI/AFPR above AFC)', () => {
    const contracts = new Map<string, [number, number | null][]>()
    for (const line of main.referentials.get('dsn')!.slice(1)) {
      const [nir, , , , start, end] = line.split(',')
      contracts.set(nir!, [
        ...(contracts.get(nir!) ?? []),
        [parseIsoDate(start!), end ? parseIsoDate(end) : null],
      ])
    }
    const access: Record<string, [number, number]> = { hire: [0, 0], AFC: [0, 0] }
    for (const { o } of records(main)) {
      if (o.type !== 'dossier' || o.status !== 'SORTI' || !['POEI', 'AFPR', 'AFC'].includes(o.dispositif))
        continue
      const exit = parseIsoDate(o.exit.date)
      if (addMonths(exit, 6) > until) continue
      const group = access[o.dispositif === 'AFC' ? 'AFC' : 'hire']!
      group[1]++
      const found = (contracts.get(o.trainee.nir.slice(0, 13)) ?? []).some(
        ([s, e]) => s >= exit && s <= addMonths(exit, 6) && (e === null || e - s >= 29),
      )
      if (found) group[0]++
    }
    const rate = (g: [number, number]) => g[0] / g[1]
    expect(access.hire![1]).toBeGreaterThan(50)
    expect(rate(access.hire!)).toBeGreaterThan(rate(access.AFC!) + 0.08)
  })

  it('sends CEP periods, some followed by a training within 12 months, mostly after level 2 but after level 1 too', () => {
    const ceps = records(main).filter((r) => r.o.type === 'cep')
    expect(main.summary.cepPeriods).toBeGreaterThan(main.summary.dossiers * 0.15)
    const levels = new Set(ceps.map((r) => r.o.level))
    expect(levels).toEqual(new Set([1, 2]))
    expect(ceps.some((r) => r.o.end && r.o.endReason)).toBe(true)
    expect(ceps.some((r) => r.o.cancelled === true)).toBe(true)
    const starts = new Map<string, number>()
    for (const r of records(main))
      if (r.o.type === 'dossier') {
        const key = r.o.trainee.nir.slice(0, 13)
        starts.set(key, Math.min(starts.get(key) ?? Infinity, parseIsoDate(r.o.training.plannedStart)))
      }
    const followed = ceps.filter((r) => {
      const s = starts.get(r.o.beneficiary.nir.slice(0, 13))
      const cep = parseIsoDate(r.o.start)
      return s !== undefined && s >= cep && s <= addMonths(cep, 12)
    })
    expect(followed.length).toBeGreaterThan(0)
    // Mostly after personalised advice (level 2), sometimes straight after a first reception (level 1).
    const level1 = followed.filter((r) => r.o.level === 1).length
    expect(level1).toBeGreaterThan(0)
    expect(level1).toBeLessThan(followed.length / 3)
  })

  it('starts no CEP period before the first planned training start (4 January 2021), when the feeds begin', () => {
    const ceps = records(main).filter((r) => r.o.type === 'cep')
    const first = ceps.map((r) => r.o.start as string).sort()[0]
    expect(first! >= '2021-01-04').toBe(true)
    expect(first! < '2021-02-01').toBe(true)
  })

  it('mixes in bad lines of every kind, each of which the checks reject', async () => {
    const run = await runWith({ dossiers: 1200, seed: 'bad', invalidRate: 0.06 })
    for (const kind of invalidKinds) expect(run.summary.invalid[kind], kind).toBeGreaterThan(0)
    const invalid = Object.values(run.summary.invalid).reduce((a, b) => a + b, 0)
    let rejected = 0
    const wrongly: string[] = []
    for (const [, lines] of run.feeds) for (const line of lines) if (problems(line, until).length) rejected++
    const clean0 = await runWith({ dossiers: 1200, seed: 'bad' })
    for (const [, lines] of clean0.feeds)
      for (const line of lines)
        if (problems(line, until).length) wrongly.push(`${problems(line, until)} ${line}`)
    expect(wrongly.slice(0, 3)).toEqual([])
    expect(rejected).toBe(invalid)
    const clean = await runWith({ dossiers: 1200, seed: 'bad' })
    expect(run.summary.validLines).toBe(clean.summary.validLines)
  })
})
