import type { CodeLists } from '../../reference/code-lists.ts'
import { validateRecord } from './index.ts'

/** A valid dossier shaped like partner traffic, for measuring throughput. */
const sample = {
  type: 'dossier',
  id: 'CPF-2024-000123',
  version: 1,
  updatedAt: '2024-03-01T10:00:00+01:00',
  dispositif: 'CPF',
  status: 'SORTI',
  trainee: {
    nir: '2850575056048',
    birthName: 'DUPONT',
    firstNames: 'Marie',
    birthDate: '1985-05-14',
    sex: 'F',
    residenceCommune: '69123',
    qpv: null,
  },
  statusAtEntry: 'DE_INDEMNISE',
  training: {
    title: 'Titre professionnel Développeur web',
    certification: { type: 'RNCP', code: 'RNCP37674', level: 5 },
    formacode: ['31054'],
    nsf: '326',
    organism: { siret: '98765432100015', nda: '11755406975' },
    placeCommune: '75056',
    modality: 'MIXTE',
    plannedStart: '2024-01-08',
    plannedEnd: '2024-06-28',
    plannedHours: 700,
  },
  entry: { date: '2024-01-08' },
  exit: { date: '2024-06-28', reason: 'FIN_PARCOURS', hoursCompleted: 690 },
  certificationResult: 'OBTENUE',
  funding: [{ funder: 'CDC', committed: 4200, paid: 4200 }],
}

/** Result of a throughput run. */
export interface BenchResult {
  readonly records: number
  readonly ms: number
  readonly perSecond: number
}

/**
 * Validates `n` copies of a valid dossier (each with its own id, so nothing is cached) and
 * reports the throughput. For the operator's bench command and a manual check; never asserted.
 * @example
 * benchValidate(100_000, await loadCodeLists()) // { records: 100000, ms: 1400, perSecond: 71000 }
 */
export function benchValidate(n: number, codes: CodeLists, today = '2026-11-28'): BenchResult {
  const records = Array.from({ length: n }, (_, i) => ({ ...sample, id: `CPF-${i}` }))
  const ctx = { codes, today }
  const started = performance.now()
  let valid = 0
  for (const record of records) if (validateRecord(record, ctx).ok) valid++
  const ms = performance.now() - started
  if (valid !== n) throw new Error(`bench sample rejected: ${n - valid} of ${n}`)
  return { records: n, ms, perSecond: Math.round((n / ms) * 1000) }
}
