import { describe, expect, it } from 'vitest'
import { csvLine, spreadsheetSafe } from './csv.ts'

describe('spreadsheetSafe', () => {
  it('prefixes with a quote a text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+33 1 23', '-2+3', '@SUM(A1)', '\t=1', '\r=1'].map(spreadsheetSafe)).toEqual([
      "'=1+1",
      "'+33 1 23",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
    ])
  })

  it('leaves numbers, signed ones included, other texts and non-texts as they are', () => {
    expect(['-12', '+3.5', 'RNCP37674', 'a=b', '', null, 12, true].map(spreadsheetSafe)).toEqual([
      '-12',
      '+3.5',
      'RNCP37674',
      'a=b',
      '',
      null,
      12,
      true,
    ])
  })

  it('goes before the CSV quoting', () => {
    expect(csvLine(['=A1,"x"', 'ok'].map(spreadsheetSafe))).toBe(`"'=A1,""x""",ok`)
  })
})
