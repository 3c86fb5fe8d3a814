import { describe, expect, it } from 'vitest'
import type { TableDefinition } from '../definition/types.ts'
import { planTable } from './plan.ts'
import { readCells } from './read-cells.ts'

const table = (over: Partial<TableDefinition>): TableDefinition => ({
  name: 't',
  title: 'T',
  description: 'T',
  population: 'financements',
  dimensions: [{ name: 'territoire', depth: 'region' }],
  measures: ['nb_financements', 'montant_engage'],
  ...over,
})

describe('readCells', () => {
  it('puts the amounts by contributor on their finest cell, sorted, skipping zeros', () => {
    const plan = planTable(table({}))
    const cell = { by_contributor: false, contributors: null }
    const amounts = (grouping_id: number, d0_0: string, contributors: Record<string, unknown> | null) => ({
      grouping_id,
      d0_0,
      by_contributor: true,
      contributors,
      nb_financements: null,
      montant_engage: null,
    })
    const rows = [
      { ...cell, grouping_id: 0, d0_0: 'R84', nb_financements: 3, montant_engage: '70.5' },
      { ...cell, grouping_id: 1, d0_0: null, nb_financements: 4, montant_engage: 80.5 },
      amounts(0, 'R84', { B: 40, A: '30.5', _inconnu: 0 }),
      { ...cell, grouping_id: 0, d0_0: 'R11', nb_financements: 1, montant_engage: null },
      amounts(0, 'R11', null),
    ]
    expect(readCells(plan, rows)).toEqual({
      cells: [
        { levels: [0], codes: ['_T'], values: { nb_financements: 4, montant_engage: 80.5 } },
        { levels: [1], codes: ['R11'], values: { nb_financements: 1, montant_engage: 0 }, contributors: {} },
        {
          levels: [1],
          codes: ['R84'],
          values: { nb_financements: 3, montant_engage: 70.5 },
          contributors: { A: 30.5, B: 40 },
        },
      ],
      observed: { territoire: ['R11', 'R84'] },
    })
  })

  it('keeps a missing code as null, out of the observed codes', () => {
    const plan = planTable(table({ population: 'entrees', measures: ['nb_entrees', 'nb_personnes'] }))
    const row = { by_contributor: false, contributors: null }
    const rows = [
      { ...row, grouping_id: 1, d0_0: null, nb_entrees: 2, nb_personnes: 2 },
      { ...row, grouping_id: 0, d0_0: null, nb_entrees: 1, nb_personnes: 1 },
      { ...row, grouping_id: 0, d0_0: 'R84', nb_entrees: 1, nb_personnes: 1 },
    ]
    expect(readCells(plan, rows)).toEqual({
      cells: [
        { levels: [0], codes: ['_T'], values: { nb_entrees: 2, nb_personnes: 2 } },
        { levels: [1], codes: [null], values: { nb_entrees: 1, nb_personnes: 1 } },
        { levels: [1], codes: ['R84'], values: { nb_entrees: 1, nb_personnes: 1 } },
      ],
      observed: { territoire: ['R84'] },
    })
  })
})
