import { describe, expect, it } from 'vitest'
import { exportLine, exportPreamble } from './export.ts'

const cells = [
  ['record_id', '000123'],
  ['nir', '2850575056048'],
  ['residence_commune', '01053'],
  ['organism_siret', '98765432100015'],
  ['offer_ref', '=HYPERLINK("x")'],
  ['first_names', 'Marie; Anne'],
  ['committed', 1250.5],
  ['planned_hours', 700],
  ['version', 3],
  ['yours', true],
  ['exit_date', null],
] as const

describe('exportLine(format, cells)', () => {
  it('csv: RFC 4180 with commas and values as stored, for programs; no byte-order mark', () => {
    expect([exportPreamble('csv'), exportLine('csv', cells)]).toEqual([
      '',
      '000123,2850575056048,01053,98765432100015,"\'=HYPERLINK(""x"")",Marie; Anne,1250.5,700,3,true,\n',
    ])
  })

  it('excel: a BOM, semicolons, decimal commas, CRLF, and codes of digits kept as text by a constant formula', () => {
    expect([exportPreamble('excel'), exportLine('excel', cells)]).toEqual([
      '\uFEFF',
      '"=""000123""";"=""2850575056048""";"=""01053""";"=""98765432100015""";"\'=HYPERLINK(""x"")";"Marie; Anne";1250,5;700;3;true;\r\n',
    ])
  })

  it('excel: a code that is not only digits stays as it is, a formula-like one still prefixed', () => {
    expect(
      exportLine('excel', [
        ['residence_commune', '2A004'],
        ['offer_ref', '+33 1 23'],
        ['certification_code', 'RNCP37674'],
      ]),
    ).toBe("2A004;'+33 1 23;RNCP37674\r\n")
  })
})
