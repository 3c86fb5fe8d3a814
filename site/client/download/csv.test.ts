import { describe, expect, it } from 'vitest'
import { selectCells } from '../data/cells.ts'
import { parseHierarchy } from '../data/hierarchy.ts'
import type { PublishedTable } from '../data/published-table.ts'
import { viewCsv } from './csv.ts'

const table: PublishedTable = {
  table: 'insertion_region',
  title: 'Insertion',
  dimensions: ['periode', 'territoire'],
  columns: ['periode', 'territoire', 'taux', 'taux_statut', 'taux_ic_bas', 'taux_ic_haut'].map((name) => ({
    name,
    type: 'string',
  })),
  rows: [
    { periode: '2025', territoire: '_T', taux: 0.6, taux_statut: 'V', taux_ic_bas: 0.55, taux_ic_haut: 0.65 },
    { periode: '2025', territoire: 'R84', taux: 0.7, taux_statut: 'V', taux_ic_bas: 0.6, taux_ic_haut: 0.8 },
    {
      periode: '2025',
      territoire: 'R11',
      taux: null,
      taux_statut: 'A',
      taux_ic_bas: null,
      taux_ic_haut: null,
    },
    { periode: '2024', territoire: 'R84', taux: 0.1, taux_statut: 'V', taux_ic_bas: 0, taux_ic_haut: 0.2 },
  ],
}
const territoire = parseHierarchy(
  'code,parent,label,niveau\n_T,,France entière,total\nR11,_T,Île-de-France,region\nR84,_T,"Auvergne, Rhône-Alpes",region\nR94,_T,Corse,region\n',
)

describe('viewCsv', () => {
  it('writes the filtered rows with labels, statuses, an empty suppressed value, and no line for absent cells', () => {
    const hierarchies = new Map([['territoire', territoire]])
    const cells = selectCells(table, hierarchies, {
      measure: 'taux',
      x: 'territoire',
      filters: { periode: '2025' },
    })
    expect(cells.map((c) => c.state)).toEqual(['secret', 'value', 'absent'])
    expect(viewCsv(cells, table.dimensions, 'taux', true, hierarchies)).toBe(
      [
        'periode,periode_libelle,territoire,territoire_libelle,taux,taux_statut,taux_ic_bas,taux_ic_haut',
        '2025,2025,R11,Île-de-France,,A,,',
        '2025,2025,R84,"Auvergne, Rhône-Alpes",0.7,V,0.6,0.8',
        '',
      ].join('\n'),
    )
  })
})
