import { describe, expect, it } from 'vitest'
import { certificationsSpec } from './certifications.ts'
import { parseLine } from './parse-line.ts'

const context = { secret: '', communes: new Set<string>() }
const valid = {
  code: 'RNCP37674',
  type: 'RNCP',
  title: 'Développeur web',
  level: '5',
  nsf: '326t',
  active_from: '2023-06-01',
  active_to: '2028-06-01',
}
const parse = (changes: Record<string, string>) =>
  parseLine(certificationsSpec, 12, { ...valid, ...changes }, context)

describe('certifications lines', () => {
  it('turns a valid line into a row, empty optional values into null', () => {
    expect(parse({}).row).toEqual({ ...valid, level: 5 })
    expect(
      parse({ code: 'RS5678', type: 'RS', level: '', nsf: '', active_from: '', active_to: '' }).row,
    ).toEqual({
      code: 'RS5678',
      type: 'RS',
      title: 'Développeur web',
      level: null,
      nsf: null,
      active_from: null,
      active_to: null,
    })
  })

  it.each([
    [
      { code: 'RNCP12' },
      'line 12, column code',
      'referential/invalid-certification-code',
      'code "RNCP12" is not RNCP or RS followed by 3 to 6 digits',
    ],
    [
      { code: 'CQP1234' },
      'line 12, column code',
      'referential/invalid-certification-code',
      'code "CQP1234" is not RNCP or RS followed by 3 to 6 digits',
    ],
    [
      { type: 'AUTRE' },
      'line 12, column type',
      'referential/invalid-certification-type',
      'type "AUTRE" is not RNCP or RS',
    ],
    [
      { code: 'RS1234' },
      'line 12, column code',
      'referential/code-type-mismatch',
      'code "RS1234" does not start with its type RNCP',
    ],
    [{ title: '' }, 'line 12, column title', 'referential/missing-value', 'title is empty (required)'],
    [
      { level: '9' },
      'line 12, column level',
      'referential/invalid-level',
      'level "9" is not a certification level (1 to 8)',
    ],
    [
      { nsf: '32' },
      'line 12, column nsf',
      'referential/invalid-nsf',
      'nsf "32" is not an NSF code (3 digits, optionally a lowercase letter)',
    ],
    [
      { nsf: '326T' },
      'line 12, column nsf',
      'referential/invalid-nsf',
      'nsf "326T" is not an NSF code (3 digits, optionally a lowercase letter)',
    ],
    [
      { active_from: '2023-02-30' },
      'line 12, column active_from',
      'referential/invalid-date',
      'active_from "2023-02-30" is not a date (YYYY-MM-DD)',
    ],
    [
      { active_to: '01/06/2028' },
      'line 12, column active_to',
      'referential/invalid-date',
      'active_to "01/06/2028" is not a date (YYYY-MM-DD)',
    ],
    [
      { active_to: '2022-01-01' },
      'line 12, column active_to',
      'referential/end-before-start',
      'active_to "2022-01-01" is before active_from "2023-06-01"',
    ],
  ])('rejects %j', (changes, path, code, message) => {
    expect(parse(changes)).toEqual({ row: null, findings: [{ path, code, message }] })
  })
})
