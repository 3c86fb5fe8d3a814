import { describe, expect, it } from 'vitest'
import { siretIsValid } from '../../../lib/siret.ts'
import type { PersonInput } from '../input.ts'
import { nirKeyMatches } from './nir.ts'
import { siretChecks } from './siret.ts'

/** The key computed independently of src/lib/nir.ts: 2A → 19, 2B → 18, then 97 − (n mod 97). */
function keyOf(nir13: string): string {
  const digits =
    nir13.slice(0, 5) + nir13.slice(5, 7).replace('2A', '19').replace('2B', '18') + nir13.slice(7)
  return String(97n - (BigInt(digits) % 97n)).padStart(2, '0')
}

function person(nir: string): PersonInput {
  return {
    nir,
    birthName: 'DUPONT',
    firstNames: 'Marie',
    birthDate: '1985-05-14',
    sex: 'F',
    residenceCommune: '69123',
  }
}

describe('nirKeyMatches', () => {
  it.each(['2850575056048', '185052A004012', '185052B004012', '199129912345'.padEnd(13, '6')])(
    'accepts %s with its key and rejects it with any other',
    (nir13) => {
      const key = keyOf(nir13)
      expect(nirKeyMatches(person(`${nir13}${key}`), '/trainee')).toEqual([])
      const wrong = String(((Number(key) % 97) + 1) % 100).padStart(2, '0')
      expect(nirKeyMatches(person(`${nir13}${wrong}`), '/trainee').map((f) => f.code)).toEqual([
        'person/invalid-nir-key',
      ])
    },
  )

  it('reads 2A as 19 and 2B as 18 (not as digits)', () => {
    expect(keyOf('185052A004012')).toBe('70')
    expect(keyOf('185052B004012')).toBe('97')
    expect(nirKeyMatches(person('185052A00401270'), '/trainee')).toEqual([])
    expect(nirKeyMatches(person('185052B00401297'), '/trainee')).toEqual([])
  })

  it('does not check a NIR given without its key', () => {
    expect(nirKeyMatches(person('2850575056048'), '/trainee')).toEqual([])
  })
})

describe('siretChecks', () => {
  it('accepts a SIRET passing Luhn', () => {
    expect(siretChecks('98765432100015')).toEqual([])
    expect(siretChecks('73282932000074')).toEqual([])
  })

  it('rejects a SIRET failing Luhn', () => {
    expect(siretChecks('73282932000075').map((f) => f.code)).toEqual(['organism/invalid-siret'])
  })

  it('applies La Poste’s digit sum instead of Luhn for SIREN 356000000', () => {
    expect(siretIsValid('35600000000010')).toBe(true)
    expect(siretChecks('35600000000010')).toEqual([])
    expect(siretChecks('35600000000048').map((f) => f.code)).toEqual(['organism/invalid-siret'])
  })
})
