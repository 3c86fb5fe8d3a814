import { describe, expect, it } from 'vitest'
import { personKey } from '../ingest/person-key.ts'
import { dsnSpec } from './dsn.ts'
import { parseLine } from './parse-line.ts'

const context = { secret: 'test-secret', communes: new Set<string>() }
const nir = '1850575056048'
const valid = {
  nir,
  employer_siret: '12345678000014',
  naf: '6201Z',
  contract_type: 'CDD',
  start_date: '2024-07-01',
  end_date: '2024-12-31',
  hours_ratio: '0.8',
}
const parse = (changes: Record<string, string>) => parseLine(dsnSpec, 12, { ...valid, ...changes }, context)

describe('dsn lines', () => {
  it('keeps the contract under the person key and the line number, never the NIR', () => {
    expect(parse({}).row).toEqual({
      person_key: personKey('test-secret', nir),
      line: 12,
      employer_siret: '12345678000014',
      naf: '6201Z',
      contract_type: 'CDD',
      start_date: '2024-07-01',
      end_date: '2024-12-31',
      hours_ratio: 0.8,
    })
  })

  it('accepts a running contract (no end) with no ratio, and a full-time ratio of 1', () => {
    expect(parse({ end_date: '', hours_ratio: '', naf: '' }).row).toMatchObject({
      end_date: null,
      hours_ratio: null,
      naf: null,
    })
    expect(parse({ hours_ratio: '1' }).row).toMatchObject({ hours_ratio: 1 })
  })

  it.each([
    [
      { nir: '9850575056048' },
      'line 12, column nir',
      'referential/invalid-nir',
      'nir is not a NIR (13 characters, or 15 with the key: sex, year, month, département, commune, order)',
    ],
    [
      { employer_siret: '12345678000015' },
      'line 12, column employer_siret',
      'referential/invalid-siret',
      'employer_siret "12345678000015" fails the Luhn check (14 digits, Luhn; La Poste: digit sum divisible by 5)',
    ],
    [
      { contract_type: 'STAGE' },
      'line 12, column contract_type',
      'referential/invalid-contract-type',
      'contract_type "STAGE" is not one of CDI, CDD, INTERIM, APPRENTISSAGE, PRO, AUTRE',
    ],
    [
      { start_date: '' },
      'line 12, column start_date',
      'referential/missing-value',
      'start_date is empty (required)',
    ],
    [
      { start_date: '2024-7-1' },
      'line 12, column start_date',
      'referential/invalid-date',
      'start_date "2024-7-1" is not a date (YYYY-MM-DD)',
    ],
    [
      { end_date: '2024-06-30' },
      'line 12, column end_date',
      'referential/end-before-start',
      'end_date "2024-06-30" is before start_date "2024-07-01"',
    ],
    [
      { hours_ratio: '0' },
      'line 12, column hours_ratio',
      'referential/invalid-hours-ratio',
      'hours_ratio "0" is not a number in (0, 1]',
    ],
    [
      { hours_ratio: '1.2' },
      'line 12, column hours_ratio',
      'referential/invalid-hours-ratio',
      'hours_ratio "1.2" is not a number in (0, 1]',
    ],
  ])('rejects %j', (changes, path, code, message) => {
    expect(parse(changes)).toEqual({ row: null, findings: [{ path, code, message }] })
  })
})
