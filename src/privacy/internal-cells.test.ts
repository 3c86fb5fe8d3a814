import { describe, expect, it } from 'vitest'
import { protectTables, type TableInput } from './index.ts'

/**
 * Periods _T > {O > {2021, 2022}, 2023} crossed with two régions: O is the observed cohorts,
 * whose count an all-periods row shows as a measure, so that _T − O tells 2023.
 */
function cohorts(counts: Record<string, [number, number]>, internal = true): TableInput {
  return {
    name: 'sorties',
    dimensions: ['periode', 'region'],
    hierarchies: {
      periode: [
        { code: '_T', parent: '' },
        { code: 'O', parent: '_T' },
        { code: '2021', parent: 'O' },
        { code: '2022', parent: 'O' },
        { code: '2023', parent: '_T' },
      ],
      region: [
        { code: '_T', parent: '' },
        { code: 'R1', parent: '_T' },
        { code: 'R2', parent: '_T' },
      ],
    },
    rows: Object.entries(counts).flatMap(([year, [r1, r2]]) => [
      { codes: [year, 'R1'], n: r1 },
      { codes: [year, 'R2'], n: r2 },
    ]),
    ...(internal ? { internal: { periode: ['O'] } } : {}),
  }
}

const status = (rows: readonly { codes: readonly string[]; status: string }[], codes: string) =>
  rows.find((r) => r.codes.join() === codes)?.status

describe('internal cells', () => {
  it('are protected like rows but given apart, their children under the nearest kept ancestor', async () => {
    const result = await protectTables([cohorts({ 2021: [40, 50], 2022: [45, 55], 2023: [60, 70] })], {
      rules: { minPersons: 11 },
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const [table] = result.tables
    expect(table!.rows.some((r) => r.codes[0] === 'O')).toBe(false)
    expect(table!.internal!.map((r) => [r.codes.join(), r.n, r.status])).toEqual([
      ['O,_T', 190, 'V'],
      ['O,R1', 85, 'V'],
      ['O,R2', 105, 'V'],
    ])
    expect([...table!.hierarchies.periode!].sort((a, b) => (a.code < b.code ? -1 : 1))).toEqual([
      { code: '2021', parent: '_T' },
      { code: '2022', parent: '_T' },
      { code: '2023', parent: '_T' },
      { code: '_T', parent: '' },
    ])
  })

  it('take part in the relations: a small latest cohort is not told by the total minus the observed cohorts', async () => {
    // 2023 R1 (3) is primary; without O, suppressing it with 2023 R2 and a 2022 pair would do.
    const result = await protectTables([cohorts({ 2021: [40, 50], 2022: [45, 55], 2023: [3, 70] })], {
      rules: { minPersons: 11 },
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const [table] = result.tables
    expect(status(table!.rows, '2023,R1')).toBe('A')
    // Whatever the pattern, _T,R1 − O,R1 = 2023,R1 may not be both published.
    const both = status(table!.rows, '_T,R1') === 'V' && status(table!.internal!, 'O,R1') === 'V'
    expect(both).toBe(false)
    expect(result.report.audit!.unprotected).toEqual([])
  })

  it('may not name the root: the table would have no row', async () => {
    const input = {
      ...cohorts({ 2021: [40, 50], 2022: [45, 55], 2023: [60, 70] }),
      internal: { periode: ['_T'] },
    }
    const result = await protectTables([input])
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.message])).toEqual([
      ['table/unknown-code', 'internal code _T of periode is its root: the table would have no row'],
    ])
  })

  it('leave out a dimension whose every code but the root is internal, given with the internal rows', async () => {
    const input = {
      ...cohorts({ 2021: [40, 50], 2022: [45, 55], 2023: [60, 70] }),
      internal: { periode: ['O', '2021', '2022', '2023'] },
    }
    const result = await protectTables([input], { rules: { minPersons: 11 } })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const [table] = result.tables
    expect([table!.dimensions, table!.rows.map((r) => [r.codes.join(), r.n])]).toEqual([
      ['region'],
      [
        ['_T', 320],
        ['R1', 145],
        ['R2', 175],
      ],
    ])
    expect(table!.hierarchies).toEqual({ region: input.hierarchies!.region })
    expect(table!.internalDimensions).toEqual(['periode', 'region'])
    expect(table!.internal!.filter((r) => r.codes[0] === 'O').map((r) => [r.codes.join(), r.n])).toEqual([
      ['O,_T', 190],
      ['O,R1', 85],
      ['O,R2', 105],
    ])
  })
})

describe('a rate skipped on some cells', () => {
  /** Employment among the observed: 2 of 40 in 2021 R1 breaks the rate rules. */
  function withRate(skip?: readonly string[]): TableInput {
    const base = cohorts({ 2021: [40, 50], 2022: [45, 55], 2023: [60, 70] }, false)
    return {
      ...base,
      rows: base.rows.map((r) => ({
        ...r,
        measures: { emploi: r.codes.join() === '2021,R1' ? 2 : Math.floor(r.n / 2) },
      })),
      rates: [{ numerator: 'emploi', ...(skip ? { skip: { dimension: 'periode', codes: skip } } : {}) }],
    }
  }

  it('applies its rules everywhere else', async () => {
    const result = await protectTables([withRate(['_T', 'O', '2022', '2023'])], { rules: { minPersons: 11 } })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(status(result.tables[0]!.rows, '2021,R1')).toBe('A')
  })

  it('applies none of them on the skipped cells', async () => {
    const result = await protectTables([withRate(['2021'])], { rules: { minPersons: 11 } })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.tables[0]!.rows.every((r) => r.status === 'V')).toBe(true)
  })

  it('names a code its hierarchy lacks', async () => {
    const result = await protectTables([withRate(['1999'])])
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.message])).toEqual([
      ['table/unknown-code', 'code 1999 is not in hierarchy periode'],
    ])
  })
})

describe('a dimension with its root alone', () => {
  it('stays a column of the protected table when it has no internal code', async () => {
    const result = await protectTables([
      {
        name: 'empty',
        dimensions: ['periode', 'region'],
        hierarchies: { periode: [{ code: '_T', parent: '' }], region: [{ code: '_T', parent: '' }] },
        rows: [],
      },
    ])
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect([result.tables[0]!.dimensions, result.tables[0]!.rows.map((r) => r.codes)]).toEqual([
      ['periode', 'region'],
      [['_T', '_T']],
    ])
  })
})
