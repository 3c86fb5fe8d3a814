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

  it('says once that a header is separated by semicolons or tabs, instead of a finding per column', () => {
    expect([
      checkHeader(['siret;nda;name'], expected, 2),
      checkHeader(['siret\tnda\tname'], expected),
    ]).toEqual([
      [
        {
          path: 'line 2',
          code: 'referential/wrong-separator',
          message:
            'the header is separated by semicolons: referential files are comma-separated (expected siret,nda,name, in any order)',
        },
      ],
      [
        {
          path: 'line 1',
          code: 'referential/wrong-separator',
          message:
            'the header is separated by tabs: referential files are comma-separated (expected siret,nda,name, in any order)',
        },
      ],
    ])
  })

  it('keeps a one-column header with a semicolon but no expected column as an unknown column', () => {
    expect(checkHeader(['a;b', 'siret', 'nda', 'name'], expected)).toEqual([
      {
        path: 'line 1, column a;b',
        code: 'referential/unknown-column',
        message: 'unknown column "a;b" (expected siret,nda,name, in any order)',
      },
    ])
  })
})
