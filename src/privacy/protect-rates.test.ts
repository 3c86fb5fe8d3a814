import { describe, expect, it } from 'vitest'
import { type ProtectResult, protectTables, type TableInput } from './index.ts'

// Exits by région, with how many of them found a job: R1's 3 of 40 is too few for a rate.
const exits: TableInput = {
  name: 'sorties',
  dimensions: ['region'],
  rows: [
    { codes: ['R1'], n: 40, measures: { emploi: 3 } },
    { codes: ['R2'], n: 50, measures: { emploi: 25 } },
    { codes: ['R3'], n: 60, measures: { emploi: 30 } },
  ],
  rates: [{ numerator: 'emploi' }],
}

/** Every row: codes, count, status, and the measures it hides on its own. */
function rows(result: ProtectResult, table = 0) {
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.tables[table]!.rows.map((r) => ({
    codes: r.codes.join(),
    n: r.n,
    status: r.status,
    emploi: r.measures.emploi,
    own: r.measureStatus ?? {},
  }))
}

describe('a cell whose count is safe and whose rate is not', () => {
  it('publishes its count and hides its numerator, with a neighbour’s so that the total does not give it back', async () => {
    const result = await protectTables([exits], { audit: 'suppressed' })
    expect(rows(result)).toEqual([
      { codes: 'Total', n: 150, status: 'V', emploi: 58, own: {} },
      { codes: 'R1', n: 40, status: 'V', emploi: null, own: { emploi: 'A' } },
      { codes: 'R2', n: 50, status: 'V', emploi: null, own: { emploi: 'D' } },
      { codes: 'R3', n: 60, status: 'V', emploi: 30, own: {} },
    ])
    expect(result.ok && [result.report.audit?.ok, result.report.measures]).toEqual([
      true,
      { emploi: { A: 1, D: 1 } },
    ])
  })

  it('hides the numerator in every linked table that holds it, and nothing of a table that does not', async () => {
    const bySex: TableInput = {
      name: 'sexe',
      dimensions: ['region', 'sexe'],
      rows: [
        { codes: ['R1', '1'], n: 20, measures: { emploi: 1 } },
        { codes: ['R1', '2'], n: 20, measures: { emploi: 2 } },
        { codes: ['R2', '1'], n: 25, measures: { emploi: 12 } },
        { codes: ['R2', '2'], n: 25, measures: { emploi: 13 } },
        { codes: ['R3', '1'], n: 30, measures: { emploi: 15 } },
        { codes: ['R3', '2'], n: 30, measures: { emploi: 15 } },
      ],
    }
    const entries: TableInput = {
      name: 'entrees',
      dimensions: ['region'],
      population: 'entrees',
      rows: [
        { codes: ['R1'], n: 40 },
        { codes: ['R2'], n: 50 },
        { codes: ['R3'], n: 60 },
      ],
    }
    const result = await protectTables([exits, bySex, entries], { audit: 'suppressed' })
    expect(result.ok && result.report.audit?.ok).toBe(true)
    // The cells by sex hold the same numerators: R1's there add up to R1's, so one of them hides
    // too (the audit proves R1's interval with the other published).
    const hidden = (t: number) =>
      rows(result, t)
        .filter((r) => Object.keys(r.own).length > 0)
        .map((r) => `${r.codes} ${r.own.emploi}`)
    expect(hidden(0)).toEqual(['R1 A', 'R2 D'])
    expect(hidden(1).filter((r) => r.startsWith('R1,'))).toEqual(['R1,Total A', 'R1,1 D'])
    expect(rows(result, 2).every((r) => r.status === 'V')).toBe(true)
  })
})

describe('measures a release still online hid while it showed the count', () => {
  const safe: TableInput = {
    ...exits,
    rows: [
      { codes: ['R1'], n: 40, measures: { emploi: 12 } },
      { codes: ['R2'], n: 50, measures: { emploi: 25 } },
      { codes: ['R3'], n: 60, measures: { emploi: 30 } },
    ],
  }

  it('are hidden again, a primary one with its protection, though the rate is safe now', async () => {
    const result = await protectTables([safe], {
      primary: [{ table: 'sorties', codes: { region: 'R1' }, measure: 'emploi' }],
      audit: 'suppressed',
    })
    expect(rows(result).map((r) => `${r.codes} ${r.n} ${JSON.stringify(r.own)}`)).toEqual([
      'Total 150 {}',
      'R1 40 {"emploi":"A"}',
      'R2 50 {"emploi":"D"}',
      'R3 60 {}',
    ])
  })

  it('stay suppressed, a secondary one without a protection of its own', async () => {
    const result = await protectTables([safe], {
      held: [{ table: 'sorties', codes: { region: 'R3' }, measure: 'emploi' }],
      audit: 'suppressed',
    })
    expect(rows(result).map((r) => `${r.codes} ${r.n} ${JSON.stringify(r.own)}`)).toEqual([
      'Total 150 {}',
      'R1 40 {}',
      'R2 50 {}',
      'R3 60 {"emploi":"D"}',
    ])
  })

  it('are ignored for a measure the table does not have', async () => {
    const result = await protectTables([safe], {
      primary: [{ table: 'sorties', codes: { region: 'R1' }, measure: 'taux_emploi' }],
      audit: 'suppressed',
    })
    expect(rows(result).every((r) => r.status === 'V' && Object.keys(r.own).length === 0)).toBe(true)
  })
})
