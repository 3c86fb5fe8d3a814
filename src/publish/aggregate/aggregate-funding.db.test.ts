import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import type { TableDefinition } from '../definition/types.ts'
import { aggregateTable } from './aggregate-table.ts'
import { createFundingFact } from './fact-fixtures.ts'
import { toTableInput } from './to-table-input.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

const funding: TableDefinition = {
  name: 'financements',
  title: 'Financements',
  description: 'Financements',
  population: 'financements',
  dimensions: [{ name: 'type_financeur' }, { name: 'periode', depth: 'annee' }],
  measures: ['nb_financements', 'montant_engage', 'nb_personnes', 'montant_moyen'],
}

const A = '11111111111111'
// Another establishment (SIRET) of A's enterprise (SIREN 111111111).
const A2 = '11111111122222'
const B = '22222222222222'
const C = '33333333333333'
const [sirenA, sirenB] = ['111111111', '222222222']

describe('aggregateTable on publish_fact_funding', () => {
  it('gives only the total, at zero, for a population without rows', async () => {
    await createFundingFact(store.db, [])
    expect(await aggregateTable(store.db, funding)).toEqual({
      cells: [
        {
          levels: [0, 0],
          codes: ['_T', '_T'],
          values: { nb_financements: 0, montant_engage: 0, nb_personnes: 0 },
        },
      ],
      observed: { type_financeur: [], periode: [] },
    })
  })

  it('sums amounts in whole cents per line, so that every table adds up to the same cents', async () => {
    const line = (kind: string, committed: number) => ({
      person_key: 'P1',
      funder_kind: kind,
      period_date: '2025-01-10',
      organism_siret: A,
      committed,
    })
    // Two lines of 0.004 €: nothing in cents each, though 0.008 € together; 100.125 € is 100.13 €.
    await createFundingFact(store.db, [line('REGION', 0.004), line('REGION', 0.004), line('CDC', 100.125)])
    const cells = await aggregateTable(store.db, funding)
    expect(cells.cells.map((c) => [c.codes.join(' '), c.values.montant_engage])).toEqual([
      ['_T _T', 100.13],
      ['_T 2025', 100.13],
      ['CDC _T', 100.13],
      ['REGION _T', 0],
      ['CDC 2025', 100.13],
      ['REGION 2025', 0],
    ])
  })

  it('adds up each organism (its enterprise: establishments together) in its finest cells, pools unknown organisms and skips zero amounts', async () => {
    const line = (
      person: string,
      kind: string,
      date: string,
      organism: string | null,
      committed: number,
    ) => ({
      person_key: person,
      funder_kind: kind,
      period_date: date,
      organism_siret: organism,
      committed,
    })
    // P1 is funded twice (a co-funded dossier): once in each type, once in the year's margin.
    await createFundingFact(store.db, [
      line('P1', 'REGION', '2025-01-10', A, 1000),
      line('P1', 'CDC', '2025-01-10', A, 500),
      line('P2', 'REGION', '2025-02-01', A2, 300),
      line('P3', 'REGION', '2025-03-01', B, 200),
      line('P3', 'REGION', '2024-05-01', null, 50),
      line('P2', 'REGION', '2025-04-01', C, 0),
    ])
    const result = await aggregateTable(store.db, funding)
    const values = (n: number, amount: number, persons: number) => ({
      nb_financements: n,
      montant_engage: amount,
      nb_personnes: persons,
    })
    expect(result.cells).toEqual([
      { levels: [0, 0], codes: ['_T', '_T'], values: values(6, 2050, 3) },
      { levels: [0, 1], codes: ['_T', '2024'], values: values(1, 50, 1) },
      { levels: [0, 1], codes: ['_T', '2025'], values: values(5, 2000, 3) },
      { levels: [1, 0], codes: ['CDC', '_T'], values: values(1, 500, 1) },
      { levels: [1, 0], codes: ['REGION', '_T'], values: values(5, 1550, 3) },
      { levels: [1, 1], codes: ['CDC', '2025'], values: values(1, 500, 1), contributors: { [sirenA]: 500 } },
      { levels: [1, 1], codes: ['REGION', '2024'], values: values(1, 50, 1), contributors: { _inconnu: 50 } },
      {
        levels: [1, 1],
        codes: ['REGION', '2025'],
        values: values(4, 1500, 3),
        contributors: { [sirenA]: 1300, [sirenB]: 200 },
      },
    ])
    const tree = (...codes: string[]) => [
      { code: '_T', parent: '', level: 'total' },
      ...codes.map((code) => ({ code, parent: '_T', level: 'x' })),
    ]
    const input = toTableInput('jeu/financements', funding, result, {
      type_financeur: tree('REGION', 'CDC'),
      periode: tree('2024', '2025'),
    })
    expect(input).toEqual({
      ok: true,
      issues: [],
      value: {
        name: 'jeu/financements',
        dimensions: ['type_financeur', 'periode'],
        population: 'financements',
        rows: [
          {
            codes: ['CDC', '2025'],
            n: 1,
            measures: { montant_engage: 500 },
            contributors: { [sirenA]: 500 },
          },
          {
            codes: ['REGION', '2024'],
            n: 1,
            measures: { montant_engage: 50 },
            contributors: { _inconnu: 50 },
          },
          {
            codes: ['REGION', '2025'],
            n: 4,
            measures: { montant_engage: 1500 },
            contributors: { [sirenA]: 1300, [sirenB]: 200 },
          },
        ],
        measureNames: ['montant_engage'],
        magnitude: 'montant_engage',
        hierarchies: {
          type_financeur: [
            { code: '_T', parent: '' },
            { code: 'REGION', parent: '_T' },
            { code: 'CDC', parent: '_T' },
          ],
          periode: [
            { code: '_T', parent: '' },
            { code: '2024', parent: '_T' },
            { code: '2025', parent: '_T' },
          ],
        },
        cellMeasures: result.cells.map((c) => ({
          codes: c.codes,
          values: { nb_personnes: c.values.nb_personnes },
        })),
        personsMeasure: 'nb_personnes',
      },
    })
  })
})
