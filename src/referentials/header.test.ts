import { describe, expect, it } from 'vitest'
import { checkHeader } from './header.ts'

const expected = ['siret', 'nda', 'name']

describe('checkHeader', () => {
  it('accepts the columns in any order', () => {
    expect(checkHeader(['name', 'siret', 'nda'], expected)).toEqual([])
  })

  it('names missing, unknown and repeated columns', () => {
    expect(checkHeader(['siret', 'siret', 'Name', 'nda'], expected, 1)).toEqual([
      {
        path: 'line 1, column siret',
        code: 'referential/duplicate-column',
        message: 'column "siret" appears twice',
      },
      {
        path: 'line 1, column Name',
        code: 'referential/unknown-column',
        message: 'unknown column "Name" (expected siret,nda,name, in any order)',
      },
      {
        path: 'line 1',
        code: 'referential/missing-column',
        message: 'the header lacks column name (expected siret,nda,name, in any order)',
      },
    ])
  })
})
