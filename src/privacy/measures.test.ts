import { describe, expect, it } from 'vitest'
import { type HierarchyRow, protectTables, type TableInput } from './index.ts'

const regions: HierarchyRow[] = [
  { code: '_T', parent: '' },
  { code: 'R1', parent: '_T' },
  { code: 'R2', parent: '_T' },
  { code: 'R3', parent: '_T' },
]

function table(rows: TableInput['rows'], extra: Partial<TableInput> = {}): TableInput {
  return { name: 't', dimensions: ['region'], hierarchies: { region: regions }, rows, ...extra }
}

async function protect(inputs: TableInput[], options: Parameters<typeof protectTables>[1] = {}) {
  const result = await protectTables(inputs, { audit: 'primary', ...options })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result
}

describe('measures published with the cells', () => {
  it('sums additive measures to the margins and publishes them only with published cells', async () => {
    const result = await protect([
      table([
        { codes: ['R1'], n: 40, measures: { heures: 400 } },
        { codes: ['R2'], n: 30, measures: { heures: 310 } },
        { codes: ['R3'], n: 5, measures: { heures: 50 } },
      ]),
    ])
    expect(result.tables[0]!.rows).toEqual([
      { codes: ['_T'], n: 75, status: 'V', measures: { heures: 760 } },
      { codes: ['R1'], n: 40, status: 'V', measures: { heures: 400 } },
      { codes: ['R2'], n: null, status: 'D', measures: { heures: null } },
      { codes: ['R3'], n: null, status: 'A', measures: { heures: null } },
    ])
  })

  it('applies the persons rule to distinct persons at every level, margins included', async () => {
    // 12 dossiers in R1 but only 9 distinct persons: the cell is secret although n ≥ 11.
    const persons = [
      { codes: ['_T'], values: { nb_personnes: 70 } },
      { codes: ['R1'], values: { nb_personnes: 9 } },
      { codes: ['R2'], values: { nb_personnes: 30 } },
      { codes: ['R3'], values: { nb_personnes: 31 } },
    ]
    const result = await protect([
      table(
        [
          { codes: ['R1'], n: 12 },
          { codes: ['R2'], n: 30 },
          { codes: ['R3'], n: 31 },
        ],
        { cellMeasures: persons, personsMeasure: 'nb_personnes' },
      ),
    ])
    expect(result.tables[0]!.rows.map((r) => [r.codes[0], r.status, r.measures.nb_personnes])).toEqual([
      ['_T', 'V', 70],
      ['R1', 'A', null],
      ['R2', 'D', null],
      ['R3', 'V', 31],
    ])
  })

  it('gives an empty cell 0 for its cell measures and leaves other missing ones null', async () => {
    const result = await protect([
      table(
        [
          { codes: ['R1'], n: 40 },
          { codes: ['R2'], n: 30 },
        ],
        { cellMeasures: [{ codes: ['R1'], values: { nb_personnes: 38 } }] },
      ),
    ])
    expect(result.tables[0]!.rows.map((r) => [r.codes[0], r.measures.nb_personnes])).toEqual([
      ['_T', null],
      ['R1', 38],
      ['R2', null],
      ['R3', 0],
    ])
  })

  it('applies the rate rules to every rate, with its own denominator', async () => {
    const rows = [
      // employment known for 25 of 40; 3 employed: numerator between 1 and 10.
      { codes: ['R1'], n: 40, measures: { connus: 25, emploi: 3 } },
      // denominator 15 < 20.
      { codes: ['R2'], n: 40, measures: { connus: 15, emploi: 8 } },
      { codes: ['R3'], n: 60, measures: { connus: 50, emploi: 25 } },
    ]
    const result = await protect([table(rows, { rates: [{ numerator: 'emploi', denominator: 'connus' }] })])
    expect(result.tables[0]!.rows.map((r) => r.status)).toEqual(['V', 'A', 'A', 'V'])
  })

  it('treats a rate over n like the single numerator of the simple form', async () => {
    const rows = [
      { codes: ['R1'], n: 40, measures: { abandons: 38 } },
      { codes: ['R2'], n: 40, measures: { abandons: 20 } },
      { codes: ['R3'], n: 60, measures: { abandons: 30 } },
    ]
    const result = await protect([table(rows, { rates: [{ numerator: 'abandons' }] })])
    // complement 2 in R1.
    expect(result.tables[0]!.rows.map((r) => r.status)).toEqual(['V', 'A', 'D', 'V'])
  })

  it('counts the rate rules in persons when the rate names its persons measures', async () => {
    const persons = (d: number, num: number, comp: number) => ({ pd: d, pn: num, pc: comp })
    const rows = [
      // 24 exits of 14 persons, 12 of 7 with the outcome: by units 24 ≥ 20 and 12 ≥ 11, by
      // persons a denominator of 14 < 20.
      { codes: ['R1'], n: 30, measures: { connus: 24, emploi: 12 } },
      // 30 units of 25 persons; the 15 without the outcome are 6 persons.
      { codes: ['R2'], n: 40, measures: { connus: 30, emploi: 15 } },
      { codes: ['R3'], n: 60, measures: { connus: 50, emploi: 25 } },
    ]
    const cellMeasures = [
      { codes: ['_T'], values: persons(84, 50, 40) },
      { codes: ['R1'], values: persons(14, 7, 8) },
      { codes: ['R2'], values: persons(25, 19, 6) },
      { codes: ['R3'], values: persons(45, 24, 26) },
    ]
    const rates = [
      {
        numerator: 'emploi',
        denominator: 'connus',
        persons: { numerator: 'pn', denominator: 'pd', complement: 'pc' },
      },
    ]
    const byPersons = await protect([table(rows, { rates, cellMeasures })])
    expect(byPersons.tables[0]!.rows.map((r) => r.status)).toEqual(['V', 'A', 'A', 'V'])
    const byUnits = await protect([table(rows, { rates: [{ numerator: 'emploi', denominator: 'connus' }] })])
    expect(byUnits.tables[0]!.rows.map((r) => r.status)).toEqual(['V', 'V', 'V', 'V'])
  })

  it('protects an empty table whose rates count persons', async () => {
    const empty = table([], {
      measureNames: ['emploi'],
      rates: [{ numerator: 'emploi', persons: { numerator: 'pn', denominator: 'pd', complement: 'pc' } }],
      cellMeasures: [],
    })
    const result = await protect([empty])
    expect(result.tables[0]!.rows.map((r) => [r.status, r.measures])).toEqual(
      Array(4).fill(['V', { emploi: 0, pc: 0, pd: 0, pn: 0 }]),
    )
  })

  it('reports rate persons naming a cell measure the table does not have', async () => {
    const result = await protectTables([
      table([{ codes: ['R1'], n: 40, measures: { a: 1 } }], {
        cellMeasures: [{ codes: ['R1'], values: { pd: 40, pn: 1 } }],
        rates: [{ numerator: 'a', persons: { numerator: 'pn', denominator: 'pd', complement: 'pc' } }],
      }),
    ])
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 't#rates/0', code: 'table/bad-row', message: 'rate persons name unknown cell measures: pc' },
      ],
    })
  })

  it('counts a contributor spread over several leaves once in every margin', async () => {
    // Two organisms only, everywhere: listed per leaf they would look like six contributors at
    // the total, which would pass the three-organism rule.
    const rows = ['R1', 'R2', 'R3'].map((r) => ({ codes: [r], n: 40, contributors: { X: 50, Y: 50 } }))
    const result = await protect([table(rows)], { rules: { minContributors: 3 } })
    expect(result.tables[0]!.rows.map((r) => r.status)).toEqual(['B', 'B', 'B', 'B'])
  })

  it('applies (n,k)-dominance to the amounts added up per contributor', async () => {
    const rows: TableInput['rows'] = [
      { codes: ['R1'], n: 40, contributors: { X: 900, Y: 50, A: 50 } },
      { codes: ['R2'], n: 40, contributors: { X: 100, Y: 100, B: 100, C: 100 } },
      { codes: ['R3'], n: 40, contributors: { D: 300, E: 300, F: 300 } },
    ]
    const result = await protect([table(rows)], { rules: { dominance: [{ n: 1, k: 85 }] } })
    // R1: X = 90 %; the total: X = 1000 of 2300.
    expect(result.tables[0]!.rows.map((r) => r.status)).toEqual(['V', 'B', 'D', 'V'])
  })

  it('never links tables of different populations, even on the same codes', async () => {
    const entries = table([
      { codes: ['R1'], n: 40 },
      { codes: ['R2'], n: 30 },
      { codes: ['R3'], n: 20 },
    ])
    const exits = table(
      [
        { codes: ['R1'], n: 12 },
        { codes: ['R2'], n: 13 },
        { codes: ['R3'], n: 14 },
      ],
      { name: 'u', population: 'sorties' },
    )
    const result = await protect([{ ...entries, population: 'entrees' }, exits])
    expect(result.tables.map((t) => t.rows.map((r) => r.n))).toEqual([
      [90, 40, 30, 20],
      [39, 12, 13, 14],
    ])
  })

  it('protects an empty table (an empty population) from its declared measures, rates and persons', async () => {
    const empty = table([], {
      measureNames: ['heures'],
      rates: [{ numerator: 'heures' }],
      cellMeasures: [],
      personsMeasure: 'nb_personnes',
    })
    // A dominance rule needs contributions, but an empty table has nothing to dominate.
    const result = await protect([empty], { rules: { dominance: [{ n: 1, k: 85 }] } })
    const zero = { status: 'V', n: 0, measures: { heures: 0, nb_personnes: 0 } }
    expect(result.tables[0]!.rows).toEqual(
      ['_T', 'R1', 'R2', 'R3'].map((code) => ({ codes: [code], ...zero })),
    )
  })

  it('reports a rate naming a measure the table does not have', async () => {
    const result = await protectTables([
      table([{ codes: ['R1'], n: 40, measures: { a: 1 } }], { rates: [{ numerator: 'b' }] }),
    ])
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 't#rates/0', code: 'table/bad-row', message: 'rate names an unknown measure: b' }],
    })
  })
})
