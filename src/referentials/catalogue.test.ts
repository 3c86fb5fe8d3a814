import { beforeAll, describe, expect, it } from 'vitest'
import { loadCodeLists } from '../reference/code-lists.ts'
import { catalogueSpec } from './catalogue.ts'
import { parseLine } from './parse-line.ts'
import type { ParseContext } from './spec.ts'

let context: ParseContext
beforeAll(async () => {
  context = { secret: '', communes: (await loadCodeLists()).communes }
})

const valid = {
  offer_ref: '14_AF_0000012345',
  siret: '98765432100015',
  certification_code: 'RNCP37674',
  formacode: '31054',
  commune: '69123',
  modality: 'MIXTE',
  hours: '700',
  price: '8450.50',
}
const parse = (changes: Record<string, string>) =>
  parseLine(catalogueSpec, 12, { ...valid, ...changes }, context)

describe('catalogue lines', () => {
  it('turns a valid line into a row, empty optional values into null', () => {
    expect(parse({}).row).toEqual({ ...valid, hours: 700, price: 8450.5 })
    expect(
      parse({ certification_code: '', formacode: '', commune: '', modality: '', hours: '', price: '0' }).row,
    ).toEqual({
      offer_ref: '14_AF_0000012345',
      siret: '98765432100015',
      certification_code: null,
      formacode: null,
      commune: null,
      modality: null,
      hours: null,
      price: 0,
    })
  })

  it.each([
    [
      { offer_ref: '' },
      'line 12, column offer_ref',
      'referential/missing-value',
      'offer_ref is empty (required)',
    ],
    [
      { siret: '12345678000015' },
      'line 12, column siret',
      'referential/invalid-siret',
      'siret "12345678000015" fails the Luhn check (14 digits, Luhn; La Poste: digit sum divisible by 5)',
    ],
    [
      { commune: '75000' },
      'line 12, column commune',
      'referential/unknown-commune',
      'commune "75000" is not an INSEE commune code',
    ],
    [
      { modality: 'ONLINE' },
      'line 12, column modality',
      'referential/invalid-modality',
      'modality "ONLINE" is not PRESENTIEL, MIXTE or DISTANCE',
    ],
    [
      { hours: '-3' },
      'line 12, column hours',
      'referential/invalid-number',
      'hours "-3" is not a number ≥ 0',
    ],
    [
      { hours: '12h' },
      'line 12, column hours',
      'referential/invalid-number',
      'hours "12h" is not a number ≥ 0',
    ],
    [
      { price: '1 200,00' },
      'line 12, column price',
      'referential/invalid-number',
      'price "1 200,00" is not a number ≥ 0',
    ],
  ])('rejects %j', (changes, path, code, message) => {
    expect(parse(changes)).toEqual({ row: null, findings: [{ path, code, message }] })
  })
})
