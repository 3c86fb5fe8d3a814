import { describe, expect, it } from 'vitest'
import { protectTables, type TableInput } from './index.ts'

const statusOf = (
  result: Awaited<ReturnType<typeof protectTables>>,
  table: number,
  codes: readonly string[],
): string | undefined =>
  result.ok ? result.tables[table]!.rows.find((r) => r.codes.join() === codes.join())?.status : undefined

describe('secondary suppression across linked tables', () => {
  it('hides a cell whose only perturbations move cells of a linked table that does not hold it', async () => {
    // In `ab`, (a1, B1) is all of a1: hiding it moves the margin a1, which `ac` splits over c, so
    // the certificate needs cells of `ac` although every cell near (a1, B1) in `ab` is reachable.
    const ab: TableInput = {
      name: 'ab',
      dimensions: ['a', 'b'],
      rows: [
        { codes: ['a1', 'B1'], n: 14 },
        { codes: ['a2', 'B1'], n: 30 },
        { codes: ['a3', 'B1'], n: 40 },
      ],
    }
    const ac: TableInput = {
      name: 'ac',
      dimensions: ['a', 'c'],
      rows: [
        { codes: ['a1', 'c1'], n: 7 },
        { codes: ['a1', 'c2'], n: 7 },
        { codes: ['a2', 'c1'], n: 15 },
        { codes: ['a2', 'c2'], n: 15 },
        { codes: ['a3', 'c1'], n: 20 },
        { codes: ['a3', 'c2'], n: 20 },
      ],
    }
    const result = await protectTables([ab, ac], {
      rules: { minPersons: 1 },
      primary: [{ table: 'ab', codes: { a: 'a1', b: 'B1' } }],
      audit: 'suppressed',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.report.issues).toEqual([])
    expect(result.report.audit?.ok).toBe(true)
    expect(statusOf(result, 0, ['a1', 'B1'])).toBe('A')
  })

  it('does not protect a cell against the sole contributor of a child that holds all of it', async () => {
    // Only organism 1 funds X, all through F1: (X, F1) and (X, Total) are the same money of the same
    // organism, which cannot learn anything from one about the other.
    const many = (base: number) => ({ 11: base, 12: base + 1, 13: base + 2, 14: base + 3 })
    const table: TableInput = {
      name: 'funding',
      dimensions: ['d', 'f'],
      rows: [
        { codes: ['X', 'F1'], n: 3, measures: { amount: 5000 }, contributors: { 1: 5000 } },
        { codes: ['X', 'F2'], n: 0, measures: { amount: 0 }, contributors: {} },
        { codes: ['Y', 'F1'], n: 20, measures: { amount: 8006 }, contributors: many(2000) },
        { codes: ['Y', 'F2'], n: 25, measures: { amount: 8010 }, contributors: many(2001) },
        { codes: ['Z', 'F1'], n: 30, measures: { amount: 8014 }, contributors: many(2002) },
        { codes: ['Z', 'F2'], n: 35, measures: { amount: 8018 }, contributors: many(2003) },
      ],
    }
    const result = await protectTables([table], {
      rules: { minPersons: 1, dominance: [{ n: 1, k: 85 }], minContributors: 3 },
      audit: 'suppressed',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.report.issues).toEqual([])
    expect(result.report.audit?.ok).toBe(true)
    expect([statusOf(result, 0, ['X', 'F1']), statusOf(result, 0, ['X', 'Total'])]).toEqual(['B', 'B'])
  })
})

describe('an empty primary cell', () => {
  it('is protected upward only: no cell goes below 0', async () => {
    // An earlier release suppressed (a3, b1); it is empty now and must stay suppressed.
    const table: TableInput = {
      name: 't',
      dimensions: ['a', 'b'],
      rows: [
        { codes: ['a1', 'b1'], n: 30 },
        { codes: ['a1', 'b2'], n: 40 },
        { codes: ['a2', 'b1'], n: 25 },
        { codes: ['a2', 'b2'], n: 35 },
        { codes: ['a3', 'b1'], n: 0 },
        { codes: ['a3', 'b2'], n: 50 },
      ],
    }
    const result = await protectTables([table], {
      rules: { minPersons: 11 },
      primary: [{ table: 't', codes: { a: 'a3', b: 'b1' } }],
      audit: 'suppressed',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.report.issues).toEqual([])
    expect(result.report.audit?.ok).toBe(true)
    // Shown D: a reader takes a cell shown A to hold at least one person.
    expect(statusOf(result, 0, ['a3', 'b1'])).toBe('D')
  })
})
