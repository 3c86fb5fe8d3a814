import { describe, expect, it } from 'vitest'
import { maskNirs } from './nir-mask.ts'

describe('maskNirs', () => {
  it('masks a NIR of 13 or 15 characters, spaced or not, Corsican or not, wherever it stands in a text', () => {
    expect(
      [
        'trainee.residenceCommune "185057800608436" does not match',
        'id "2 82 10 47 010 689" is not',
        'unknown field "/2821047010689x"',
        '1850578006084 and 2A',
        '185052A00608436',
      ].map(maskNirs),
    ).toEqual([
      'trainee.residenceCommune "[NIR]" does not match',
      'id "[NIR]" is not',
      'unknown field "/[NIR]x"',
      '[NIR] and 2A',
      '[NIR]',
    ])
  })

  it('leaves SIRETs, longer numbers, dates and codes alone', () => {
    const texts = [
      'organism.siret "98765432100015" fails the Luhn check',
      'amount 12345678901234567',
      'plannedStart "2025-01-31" is after',
      'commune "69123", offer "84_AF_0000123"',
    ]
    expect(texts.map(maskNirs)).toEqual(texts)
  })
})
