import { describe, expect, it } from 'vitest'
import { protectTables } from '../../privacy/index.ts'
import type { DatasetDefinition } from '../definition/types.ts'
import { summariseRelease, suppressionFigures } from './summary.ts'

const definition: DatasetDefinition = {
  slug: 'ds',
  title: 'Sorties',
  description: 'Sorties par trimestre et région.',
  keywords: [],
  themes: ['EDUC'],
  frequency: 'QUARTERLY',
  rules: {},
  documentation: '',
  tables: [
    {
      name: 'sorties',
      title: 'Sorties par région',
      description: 'Sorties.',
      population: 'sorties',
      dimensions: [
        { name: 'periode', depth: 'trimestre' },
        { name: 'territoire', depth: 'region' },
      ],
      measures: ['nb_sorties', 'taux_abandon'],
    },
  ],
}

const flat = (codes: string[]) => [
  { code: '_T', parent: '' },
  ...codes.map((code) => ({ code, parent: '_T' })),
]

describe('summariseRelease', () => {
  it('summarises the protected tables of a dataset, protected under their qualified names slug/table', async () => {
    const protectedSet = await protectTables([
      {
        name: 'ds/sorties',
        dimensions: ['periode', 'territoire'],
        hierarchies: { periode: flat(['2025-T1', '2025-T2']), territoire: flat(['R53', 'R84']) },
        rows: [
          { codes: ['2025-T1', 'R53'], n: 5 },
          { codes: ['2025-T1', 'R84'], n: 40 },
          { codes: ['2025-T2', 'R53'], n: 30 },
          { codes: ['2025-T2', 'R84'], n: 50 },
        ],
      },
    ])
    if (!protectedSet.ok) throw new Error(JSON.stringify(protectedSet.issues))
    const summary = summariseRelease({
      definition,
      date: '2026-11-30',
      asOf: '2026-10-31',
      territories: ['Bretagne', 'Pays de la Loire'],
      partners: 4,
      tables: protectedSet.tables,
      report: protectedSet.report,
    })
    // The primary cell (5) needs three secondaries in a 2 × 2 table; 125 of the 500 counted
    // (Σ over every cell of every level) are suppressed, but 500 is too small to say so.
    const suppression = { cells: 9, byStatus: { A: 1, B: 0, D: 3 }, countSuppressedPercent: null }
    expect(summary).toEqual({
      slug: 'ds',
      title: 'Sorties',
      date: '2026-11-30',
      asOf: '2026-10-31',
      territories: ['Bretagne', 'Pays de la Loire'],
      partners: 4,
      measures: ['nb_sorties', 'taux_abandon'],
      dimensions: ['periode', 'territoire'],
      tables: [
        {
          name: 'sorties',
          title: 'Sorties par région',
          population: 'sorties',
          rows: 9,
          columns: [
            'periode',
            'territoire',
            'nb_sorties',
            'nb_sorties_statut',
            'taux_abandon',
            'taux_abandon_statut',
            'taux_abandon_ic_bas',
            'taux_abandon_ic_haut',
          ],
          periods: { first: '2025-T1', last: '2025-T2' },
          count: { measure: 'nb_sorties', total: 125 },
          suppression,
        },
      ],
      suppression,
    })
  })

  it('refuses a definition table that was not protected, naming it', () => {
    const input = {
      definition,
      date: '2026-11-30',
      asOf: '2026-10-31',
      territories: [],
      tables: [],
      report: { tables: [] },
    }
    expect(() => summariseRelease(input)).toThrow('no protected table: ds/sorties')
  })
})

describe('suppressionFigures', () => {
  const counts = (persons: number, personsSuppressed: number) => ({
    cells: 100,
    byStatus: { V: 90, A: 4, B: 1, D: 5 },
    persons,
    personsSuppressed,
  })

  it('gives the count share to the whole percent from a Σ of 20,000, and withholds it below', () => {
    expect(suppressionFigures(counts(20_000, 310))).toEqual({
      cells: 100,
      byStatus: { A: 4, B: 1, D: 5 },
      countSuppressedPercent: 2,
    })
    expect(suppressionFigures(counts(19_999, 310)).countSuppressedPercent).toBeNull()
  })
})
