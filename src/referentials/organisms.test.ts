import { beforeAll, describe, expect, it } from 'vitest'
import { loadCodeLists } from '../reference/code-lists.ts'
import { organismsSpec } from './organisms.ts'
import { parseLine } from './parse-line.ts'
import type { ParseContext } from './spec.ts'

let context: ParseContext
beforeAll(async () => {
  context = { secret: '', communes: (await loadCodeLists()).communes }
})

const valid = {
  siret: '98765432100015',
  nda: '11755406975',
  name: 'Form Plus',
  commune: '75056',
  qualiopi: 'true',
}
const parse = (changes: Record<string, string>) =>
  parseLine(organismsSpec, 12, { ...valid, ...changes }, context)

describe('organisms lines', () => {
  it('turns a valid line into a row, empty optional values into null', () => {
    expect(parse({}).row).toEqual({ ...valid, qualiopi: true })
    expect(parse({ nda: '', commune: '', qualiopi: 'false' }).row).toEqual({
      ...valid,
      nda: null,
      commune: null,
      qualiopi: false,
    })
  })

  it('accepts a La Poste SIRET by its digit sum', () => {
    expect(parse({ siret: '35600000000001' }).findings).toEqual([])
  })

  it.each([
    [
      { siret: '123' },
      'line 12, column siret',
      'referential/invalid-siret',
      'siret "123" fails the Luhn check (14 digits, Luhn; La Poste: digit sum divisible by 5)',
    ],
    [
      { siret: '98765432100016' },
      'line 12, column siret',
      'referential/invalid-siret',
      'siret "98765432100016" fails the Luhn check (14 digits, Luhn; La Poste: digit sum divisible by 5)',
    ],
    [{ siret: '' }, 'line 12, column siret', 'referential/missing-value', 'siret is empty (required)'],
    [
      { nda: '1175540697' },
      'line 12, column nda',
      'referential/invalid-nda',
      'nda "1175540697" is not 11 digits',
    ],
    [{ name: '' }, 'line 12, column name', 'referential/missing-value', 'name is empty (required)'],
    [
      { commune: '99999' },
      'line 12, column commune',
      'referential/unknown-commune',
      'commune "99999" is not an INSEE commune code',
    ],
    [
      { qualiopi: 'oui' },
      'line 12, column qualiopi',
      'referential/invalid-boolean',
      'qualiopi "oui" is not true or false',
    ],
  ])('rejects %j', (changes, path, code, message) => {
    expect(parse(changes)).toEqual({ row: null, findings: [{ path, code, message }] })
  })
})
