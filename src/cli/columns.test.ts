import { describe, expect, it } from 'vitest'
import { alignColumns } from './columns.ts'

describe('alignColumns', () => {
  it('pads every column but the last to its widest cell, two spaces apart', () => {
    expect(
      alignColumns([
        ['code', 'kind', 'name'],
        ['OPCOMOBILITES', 'OPCO', 'OPCO Mobilités'],
        ['R01', 'REGION', 'Guadeloupe'],
      ]),
    ).toEqual([
      'code           kind    name',
      'OPCOMOBILITES  OPCO    OPCO Mobilités',
      'R01            REGION  Guadeloupe',
    ])
  })

  it('gives nothing for no rows', () => {
    expect(alignColumns([])).toEqual([])
  })
})
