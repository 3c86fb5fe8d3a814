import { describe, expect, it } from 'vitest'
import { carriedOverCells } from './carry-over.ts'

const csv = `territoire,sexe,nb_entrees,nb_entrees_statut
_T,_T,120,V
R84,_T,,D
R84,F,,A
R11,M,,B
R11,F,40,V
R99,F,,A
`

describe('carriedOverCells', () => {
  it('keeps every suppressed cell of earlier releases that still exists, totals left unnamed', () => {
    const refs = carriedOverCells(
      [{ table: 'entrees-formation/t', dimensions: ['territoire', 'sexe'], count: 'nb_entrees', csv }],
      (_table, dim, code) => !(dim === 'territoire' && code === 'R99'),
    )
    expect(refs).toEqual([
      { table: 'entrees-formation/t', codes: { territoire: 'R84' }, status: 'A' },
      { table: 'entrees-formation/t', codes: { territoire: 'R84', sexe: 'F' }, status: 'A' },
      { table: 'entrees-formation/t', codes: { territoire: 'R11', sexe: 'M' }, status: 'B' },
    ])
  })

  it('counts a cell suppressed by two releases once', () => {
    const table = { table: 't', dimensions: ['territoire', 'sexe'], count: 'nb_entrees', csv }
    expect(carriedOverCells([table, table], () => true)).toHaveLength(4)
  })
})
