import { describe, expect, it } from 'vitest'
import { earlierCells } from './carry-over.ts'

const csv = `territoire,sexe,nb_entrees,nb_entrees_statut
_T,_T,120,V
R84,_T,,D
R84,F,,A
R11,M,,B
R11,F,40,V
R99,F,,A
R99,M,12,V
`

describe('earlierCells', () => {
  it('keeps every cell of earlier releases that still exists, suppressed or with its count, totals left unnamed', () => {
    const cells = earlierCells(
      [{ table: 'entrees-formation/t', dimensions: ['territoire', 'sexe'], count: 'nb_entrees', csv }],
      (_table, dim, code) => !(dim === 'territoire' && code === 'R99'),
    )
    expect(cells).toEqual({
      primary: [
        { table: 'entrees-formation/t', codes: { territoire: 'R84', sexe: 'F' }, status: 'A' },
        { table: 'entrees-formation/t', codes: { territoire: 'R11', sexe: 'M' }, status: 'B' },
      ],
      secondary: [{ table: 'entrees-formation/t', codes: { territoire: 'R84' } }],
      published: [
        { table: 'entrees-formation/t', codes: {}, n: 120 },
        { table: 'entrees-formation/t', codes: { territoire: 'R11', sexe: 'F' }, n: 40 },
      ],
    })
  })

  it('lists a cell of two releases once, and once per count it showed', () => {
    const table = { table: 't', dimensions: ['territoire', 'sexe'], count: 'nb_entrees', csv }
    const later = { ...table, csv: csv.replace('R11,F,40,V', 'R11,F,41,V') }
    const cells = earlierCells([table, table, later], () => true)
    expect(cells.primary.length + cells.secondary.length).toBe(4)
    expect(cells.published.map((c) => `${JSON.stringify(c.codes)} ${c.n}`)).toEqual([
      '{} 120',
      '{"territoire":"R11","sexe":"F"} 40',
      '{"territoire":"R99","sexe":"M"} 12',
      '{"territoire":"R11","sexe":"F"} 41',
    ])
  })
})
