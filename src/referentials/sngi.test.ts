import { describe, expect, it } from 'vitest'
import { nir15 } from '../../test/fixtures.ts'
import { personKey } from '../ingest/person-key.ts'
import { parseLine } from './parse-line.ts'
import { sngiSpec } from './sngi.ts'

const context = { secret: 'test-secret', communes: new Set<string>() }
const nir = '2850575056048'
const valid = { nir, birth_name: 'Dupont-Lefèvre', first_names: 'Marie', birth_date: '1985-05-14', sex: 'F' }
const parse = (changes: Record<string, string>) => parseLine(sngiSpec, 12, { ...valid, ...changes }, context)

describe('sngi lines', () => {
  it('keeps the person key, the normalised birth name, the birth date and the sex: no NIR, no first names', () => {
    const expected = {
      person_key: personKey('test-secret', nir),
      birth_name_norm: 'DUPONT-LEFEVRE',
      birth_date: '1985-05-14',
      sex: 'F',
    }
    expect(parse({}).row).toEqual(expected)
    expect(parse({ nir: nir15(nir) }).row).toEqual(expected)
  })

  it('reads Corsican départements', () => {
    expect(parse({ nir: nir15('185072A123456') }).findings).toEqual([])
  })

  it.each([
    [
      { nir: '285057505604' },
      'line 12, column nir',
      'referential/invalid-nir',
      'nir is not a NIR (13 characters, or 15 with the key: sex, year, month, département, commune, order)',
    ],
    [
      { nir: `${nir}17` },
      'line 12, column nir',
      'referential/invalid-nir-key',
      'nir has a wrong key (the last 2 characters must be 97 − (the first 13 mod 97), with 2A read as 19 and 2B as 18)',
    ],
    [{ nir: '' }, 'line 12, column nir', 'referential/missing-value', 'nir is empty (required)'],
    [
      { birth_name: '' },
      'line 12, column birth_name',
      'referential/missing-value',
      'birth_name is empty (required)',
    ],
    [
      { birth_date: '14/05/1985' },
      'line 12, column birth_date',
      'referential/invalid-date',
      'birth_date is not a date (YYYY-MM-DD)',
    ],
    [{ sex: '2' }, 'line 12, column sex', 'referential/invalid-sex', 'sex "2" is not F or M'],
  ])('rejects %j without quoting a NIR, a name or a birth date', (changes, path, code, message) => {
    expect(parse(changes)).toEqual({ row: null, findings: [{ path, code, message }] })
  })
})
