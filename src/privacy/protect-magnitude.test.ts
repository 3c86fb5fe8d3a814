import { describe, expect, it } from 'vitest'
import { type HierarchyRow, type PublishedCell, protectTables, type TableInput } from './index.ts'

const regions: HierarchyRow[] = [
  { code: '_T', parent: '' },
  { code: 'R1', parent: '_T' },
  { code: 'R2', parent: '_T' },
  { code: 'R3', parent: '_T' },
]

// R1: one organism holds 95 % of 10,000 € (dominance); R2 holds 10 € of few dossiers, the count
// pass's cheapest partner for R1; R3 holds 5,000 €.
const rows: TableInput['rows'] = [
  { codes: ['R1'], n: 40, contributors: { X: 9500, Y: 300, Z: 200 }, measures: { montant: 10000 } },
  { codes: ['R2'], n: 20, contributors: { A: 4, B: 3, C: 3 }, measures: { montant: 10 } },
  { codes: ['R3'], n: 60, contributors: { D: 2000, E: 1500, F: 1500 }, measures: { montant: 5000 } },
]

const table = (extra: Partial<TableInput> = {}): TableInput => ({
  name: 'financements',
  dimensions: ['region'],
  hierarchies: { region: regions },
  rows,
  ...extra,
})

async function protect(input: TableInput) {
  const result = await protectTables([input], {
    rules: { dominance: [{ n: 1, k: 85 }] },
    audit: 'suppressed',
  })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result
}

describe('protection of the amounts of dominance cells', () => {
  it('leaves a dominance cell’s amount recoverable within 0.1 % when only counts are protected', async () => {
    const result = await protect(table())
    const shown = result.tables[0]!.rows
    expect(shown.map((r) => [r.codes[0], r.status, r.measures.montant])).toEqual([
      ['_T', 'V', 15010],
      ['R1', 'B', null],
      ['R2', 'D', null],
      ['R3', 'V', 5000],
    ])
    // R1 + R2 = 15,010 − 5,000 and R2 ≥ 0: R1 ≤ 10,010, where ±10 % asks for 11,000.
  })

  it('suppresses what the amount of a dominance cell needs too, when the table names its magnitude', async () => {
    const result = await protect(table({ magnitude: 'montant' }))
    expect(result.tables[0]!.rows.map((r) => [r.codes[0], r.status, r.measures.montant])).toEqual([
      ['_T', 'V', 15010],
      ['R1', 'B', null],
      ['R2', 'D', null],
      ['R3', 'D', null],
    ])
    // R1 is checked twice, for its count and for its amount; R1 ≤ 15,010 now.
    expect(result.report.audit).toMatchObject({ ok: true, unprotected: [] })
    expect(result.report.audit!.checked).toBeGreaterThan((await protect(table())).report.audit!.checked)
  })

  it('says so when amounts a release online published narrow a dominance cell, whatever is hidden now', async () => {
    // An earlier release, protecting counts only, published the total and R3 as they are now.
    const published: PublishedCell[] = [
      { table: 'financements', codes: {}, n: 120, measures: { montant: 15010 } },
      { table: 'financements', codes: { region: 'R3' }, n: 60, measures: { montant: 5000 } },
    ]
    const result = await protectTables([table({ magnitude: 'montant' })], {
      rules: { dominance: [{ n: 1, k: 85 }] },
      published,
      audit: 'suppressed',
    })
    expect(
      result.ok && result.report.issues.filter((i) => i.code === 'disclosure/narrowed-by-release-online'),
    ).toEqual([
      {
        path: 'financements',
        code: 'disclosure/narrowed-by-release-online',
        message:
          'no suppression pattern protects the amount of cell region=R1: amounts a release still online published narrow it, whatever this one hides (withdraw that release, or publish into another folder)',
      },
    ])
  })

  it('protects an amount from outsiders, not from the organism that holds most of it', async () => {
    // R1 over two years: 9,800 € of one organism in Y2, 232 € of another in Y1. That organism knows
    // R1 holds at least its 9,800 €, so no pattern could keep R1 ±10 % from it: the amounts are
    // protected against anyone else (the counts, against every person, singletons included).
    const years: HierarchyRow[] = [
      { code: '_T', parent: '' },
      { code: 'Y1', parent: '_T' },
      { code: 'Y2', parent: '_T' },
    ]
    const cell = (region: string, year: string, n: number, contributors: Record<string, number>) => ({
      codes: [region, year],
      n,
      contributors,
      measures: { montant: Object.values(contributors).reduce((a, b) => a + b, 0) },
    })
    const result = await protectTables(
      [
        {
          name: 'financements',
          dimensions: ['region', 'year'],
          hierarchies: { region: regions, year: years },
          magnitude: 'montant',
          rows: [
            cell('R1', 'Y1', 12, { W: 232 }),
            cell('R1', 'Y2', 12, { X: 9800 }),
            cell('R2', 'Y1', 30, { A: 4000, B: 3000, C: 3000 }),
            cell('R2', 'Y2', 30, { A: 5000, B: 4000, C: 3000 }),
            cell('R3', 'Y1', 30, { D: 6000, E: 5000, F: 5000 }),
            cell('R3', 'Y2', 30, { D: 2000, E: 2000, F: 3000 }),
          ],
        },
      ],
      { rules: { dominance: [{ n: 1, k: 85 }] }, audit: 'suppressed' },
    )
    expect(result.ok && [result.report.issues, result.report.audit?.ok]).toEqual([[], true])
  })

  it('refuses a magnitude that is not one of the table’s measures', async () => {
    const result = await protectTables([table({ magnitude: 'euros' })])
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'financements', code: 'table/bad-row', message: 'unknown magnitude measure: euros' }],
    })
  })
})
