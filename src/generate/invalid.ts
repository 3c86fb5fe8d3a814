/**
 * Realistic bad records, one kind of error each, covering every check of the hub (schema, rules
 * a schema cannot say, code lists, NIR key, SIRET Luhn). Built from a valid line of the same feed,
 * so that they look like what a partner really sends.
 * @module
 */
import { nirKey } from '../lib/nir.ts'
import { addMonths, isoDate, parseIsoDate } from './dates.ts'
import type { Random } from './random.ts'

/** Every kind of bad record the generator produces. */
export const invalidKinds = [
  'broken-json',
  'missing-field',
  'wrong-type',
  'bad-enum',
  'bad-date-format',
  'planned-end-before-start',
  'sorti-without-exit',
  'entre-without-entry',
  'exit-before-entry',
  'rncp-without-code',
  'code-prefix-mismatch',
  'cep-end-without-reason',
  'date-before-1900',
  'date-too-far',
  'age-out-of-range',
  'unknown-dispositif',
  'unknown-status-at-entry',
  'unknown-commune',
  'unknown-nsf',
  'unknown-level',
  'nir-wrong-key',
  'siret-luhn',
  'unknown-property',
] as const

/** One kind of bad record. */
export type InvalidKind = (typeof invalidKinds)[number]

const cepKinds: readonly InvalidKind[] = [
  'broken-json',
  'missing-field',
  'wrong-type',
  'bad-enum',
  'bad-date-format',
  'cep-end-without-reason',
  'date-before-1900',
  'date-too-far',
  'age-out-of-range',
  'unknown-status-at-entry',
  'unknown-commune',
  'nir-wrong-key',
  'unknown-property',
]
const dossierKinds: readonly InvalidKind[] = invalidKinds.filter((k) => k !== 'cep-end-without-reason')

// biome-ignore lint/suspicious/noExplicitAny: corruptions reach into any part of a parsed record
type Json = any

function day(text: string): number {
  return parseIsoDate(text)
}

/** Cycles through the kinds that apply to each record type, from a seeded start. */
export class InvalidMaker {
  private dossierNext: number
  private cepNext: number

  constructor(private readonly rng: Random) {
    this.dossierNext = rng.int(dossierKinds.length)
    this.cepNext = rng.int(cepKinds.length)
  }

  /** A bad line made from a valid record line, and its kind. */
  make(line: string, until: number): { kind: InvalidKind; line: string } {
    const o: Json = JSON.parse(line)
    const isCep = o.type === 'cep'
    const kind = isCep
      ? (cepKinds[this.cepNext++ % cepKinds.length] as InvalidKind)
      : (dossierKinds[this.dossierNext++ % dossierKinds.length] as InvalidKind)
    if (kind === 'broken-json') {
      return { kind, line: line.slice(0, 10 + this.rng.int(Math.max(1, line.length - 12))) }
    }
    if (isCep) corruptCep(this.rng, o, kind, until)
    else corruptDossier(this.rng, o, kind, until)
    return { kind, line: JSON.stringify(o) }
  }
}

function wrongKey(nir: string): string {
  const nir13 = nir.slice(0, 13)
  const key = Number(nirKey(nir13))
  const bad = key === 97 ? 1 : key + 1
  return `${nir13}${String(bad).padStart(2, '0')}`
}

function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

function corruptDossier(rng: Random, o: Json, kind: InvalidKind, until: number): void {
  const t = o.training
  const start = day(t.plannedStart)
  switch (kind) {
    case 'missing-field': {
      const field = rng.pick([
        'dispositif',
        'status',
        'trainee',
        'funding',
        'updatedAt',
        'training.organism',
        'trainee.birthDate',
      ])
      if (field === 'training.organism') delete t.organism
      else if (field === 'trainee.birthDate') delete o.trainee.birthDate
      else delete o[field]
      return
    }
    case 'wrong-type': {
      const k = rng.int(3)
      if (k === 0) o.version = String(o.version)
      else if (k === 1) t.plannedHours = `${t.plannedHours} h`
      else o.trainee.sex = o.trainee.sex === 'F' ? 2 : 1
      return
    }
    case 'bad-enum': {
      const k = rng.int(3)
      if (k === 0) o.status = 'TERMINE'
      else if (k === 1) t.modality = 'ONLINE'
      else t.certification = { type: 'DIPLOME' }
      return
    }
    case 'bad-date-format':
      if (rng.chance(0.5)) t.plannedStart = frenchDate(t.plannedStart)
      else o.trainee.birthDate = o.trainee.birthDate.replaceAll('-', '')
      return
    case 'planned-end-before-start':
      t.plannedEnd = isoDate(start - 1 - rng.int(60))
      return
    case 'sorti-without-exit':
      o.status = 'SORTI'
      o.entry ??= { date: t.plannedStart }
      if (rng.chance(0.5)) delete o.exit
      else o.exit = null
      return
    case 'entre-without-entry':
      o.status = 'ENTRE'
      delete o.exit
      if (rng.chance(0.5)) delete o.entry
      else o.entry = null
      return
    case 'exit-before-entry': {
      const entry = o.entry?.date ? day(o.entry.date) : start
      o.status = 'SORTI'
      o.entry = { date: isoDate(entry) }
      o.exit = { date: isoDate(entry - 1 - rng.int(20)), reason: 'ABANDON', hoursCompleted: 0 }
      return
    }
    case 'rncp-without-code':
      t.certification = rng.chance(0.5) ? { type: 'RNCP', level: 5 } : { type: 'RS', code: null }
      return
    case 'code-prefix-mismatch':
      t.certification = rng.chance(0.5)
        ? { type: 'RNCP', code: `RS${5000 + rng.int(1000)}`, level: null }
        : { type: 'RS', code: `RNCP${30000 + rng.int(9000)}`, level: 5 }
      return
    case 'date-before-1900':
      o.status = 'ENTRE'
      delete o.exit
      o.entry = { date: `18${90 + rng.int(10)}-0${1 + rng.int(9)}-1${rng.int(10)}` }
      return
    case 'date-too-far':
      t.plannedEnd = isoDate(addMonths(until, 12 * (4 + rng.int(6))))
      return
    case 'age-out-of-range':
      o.trainee.birthDate = isoDate(
        addMonths(start, -12 * (rng.chance(0.5) ? 8 + rng.int(5) : 92 + rng.int(10))),
      )
      return
    case 'unknown-dispositif':
      o.dispositif = rng.pick(['CPF_PLUS', 'FORMA_PRO', 'PRE_QUALIF', 'CIF'])
      return
    case 'unknown-status-at-entry':
      o.statusAtEntry = rng.pick(['CHOMEUR', 'ETUDIANT', 'RETRAITE', 'SALARIE'])
      return
    case 'unknown-commune':
      if (rng.chance(0.5) || !t.placeCommune)
        o.trainee.residenceCommune = rng.pick(['99999', '75000', '13000', '2A999'])
      else t.placeCommune = rng.pick(['69000', '00000', '97199'])
      return
    case 'unknown-nsf':
      t.nsf = rng.pick(['999', '150', '401', '500'])
      return
    case 'unknown-level':
      t.certification = {
        type: 'RNCP',
        code: t.certification.type === 'RNCP' ? t.certification.code : `RNCP${30000 + rng.int(9000)}`,
        level: rng.pick([0, 9]),
      }
      return
    case 'nir-wrong-key':
      o.trainee.nir = wrongKey(o.trainee.nir)
      return
    case 'siret-luhn': {
      const s: string = t.organism.siret
      t.organism.siret = `${s.slice(0, 13)}${(Number(s[13]) + 1 + rng.int(9)) % 10}`
      return
    }
    case 'unknown-property':
      if (rng.chance(0.5)) o.comment = 'dossier saisi manuellement'
      else t.duration = `${t.plannedHours}h`
      return
    default:
      return
  }
}

function corruptCep(rng: Random, o: Json, kind: InvalidKind, until: number): void {
  const start = day(o.start)
  switch (kind) {
    case 'missing-field':
      delete o[rng.pick(['start', 'beneficiary', 'level', 'statusAtEntry', 'updatedAt'])]
      return
    case 'wrong-type':
      if (rng.chance(0.5)) o.level = String(o.level)
      else o.interviews = 'trois'
      return
    case 'bad-enum':
      if (rng.chance(0.5)) o.level = 3
      else o.endReason = 'TERMINE'
      if (o.endReason === 'TERMINE') o.end = isoDate(start + 30)
      return
    case 'bad-date-format':
      o.start = frenchDate(o.start)
      return
    case 'cep-end-without-reason':
      o.end = o.end ?? isoDate(Math.min(start + 20 + rng.int(100), until))
      if (rng.chance(0.5)) delete o.endReason
      else o.endReason = null
      return
    case 'date-before-1900':
      o.end = `18${90 + rng.int(10)}-0${1 + rng.int(9)}-1${rng.int(10)}`
      o.endReason = 'AUTRE'
      return
    case 'date-too-far':
      o.end = isoDate(addMonths(until, 12 * (4 + rng.int(6))))
      o.endReason = 'PROJET_FORMALISE'
      return
    case 'age-out-of-range':
      o.beneficiary.birthDate = isoDate(
        addMonths(start, -12 * (rng.chance(0.5) ? 9 + rng.int(4) : 93 + rng.int(8))),
      )
      return
    case 'unknown-status-at-entry':
      o.statusAtEntry = rng.pick(['CHOMEUR', 'ETUDIANT', 'RETRAITE'])
      return
    case 'unknown-commune':
      o.beneficiary.residenceCommune = rng.pick(['99999', '75000', '2B999'])
      return
    case 'nir-wrong-key':
      o.beneficiary.nir = wrongKey(o.beneficiary.nir)
      return
    case 'unknown-property':
      o.advisor = 'C. Martin'
      return
    default:
      return
  }
}
