import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { auditTables, type HierarchyRow, protectTables, type TableInput } from './index.ts'

/** A 3-level hierarchy root → groups → leaves of the given shape. */
function hierarchy(dim: string, shape: number[]): { rows: HierarchyRow[]; leaves: string[] } {
  const rows: HierarchyRow[] = [{ code: `${dim}`, parent: '' }]
  const leaves: string[] = []
  shape.forEach((kids, g) => {
    rows.push({ code: `${dim}${g}`, parent: dim })
    for (let k = 0; k < kids; k++) {
      rows.push({ code: `${dim}${g}.${k}`, parent: `${dim}${g}` })
      leaves.push(`${dim}${g}.${k}`)
    }
  })
  return { rows, leaves }
}

const shapeArb = fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 2, maxLength: 2 })
const countArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 200 }))

const tableArb = fc.tuple(shapeArb, shapeArb, fc.infiniteStream(countArb)).map(([s0, s1, counts]) => {
  const h0 = hierarchy('r', s0)
  const h1 = hierarchy('c', s1)
  const rows = h0.leaves.flatMap((a) =>
    h1.leaves.map((b) => ({ codes: [a, b], n: counts.next().value as number })),
  )
  return {
    name: 't',
    dimensions: ['r', 'c'],
    hierarchies: { r: h0.rows, c: h1.rows },
    rows,
  } satisfies TableInput
})

/** Two linked tables: (r, c) and (r, s) sharing the margin over r. */
const linkedArb = fc.tuple(tableArb, fc.infiniteStream(countArb)).map(([t, counts]) => {
  const byR = new Map<string, number>()
  for (const row of t.rows) byR.set(row.codes[0]!, (byR.get(row.codes[0]!) ?? 0) + row.n)
  const rows = [...byR].flatMap(([r, n]) => {
    const first = Math.min(n, counts.next().value as number)
    return [
      { codes: [r, 'F'], n: first },
      { codes: [r, 'M'], n: n - first },
    ]
  })
  return [t, { name: 'u', dimensions: ['r', 's'], hierarchies: { r: t.hierarchies.r }, rows }]
})

async function check(tables: TableInput[]) {
  const result = await protectTables(tables, { rules: { minPersons: 11 } })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  const unprotectable = result.report.issues.filter((i) => i.code === 'disclosure/unprotectable').length
  // The audit finds no primary inside its interval (cells no pattern can protect are reported apart).
  expect(result.report.audit!.unprotected.length).toBeLessThanOrEqual(unprotectable)
  for (const [t, table] of result.tables.entries()) {
    const input = tables[t]!
    // Published leaf cells keep their value; no cell under k is published.
    for (const row of input.rows) {
      const out = table.rows.find((r) => r.codes.join() === row.codes.join())!
      if (out.status === 'V') expect(out.n).toBe(row.n)
      if (row.n > 0 && row.n < 11) expect(out.status).toBe('A')
    }
    // Published margins add up to their published children.
    const value = new Map(table.rows.map((r) => [r.codes.join(), r.n]))
    const parent = new Map(
      Object.values(input.hierarchies ?? {}).flatMap((rows) => rows.map((r) => [r.code, r.parent] as const)),
    )
    for (const row of table.rows) {
      if (row.n === null) continue
      row.codes.forEach((code, i) => {
        const kids = [...parent].filter(([, p]) => p === code).map(([c]) => c)
        if (kids.length === 0) return
        const parts = kids.map((k) => value.get(row.codes.map((c, j) => (j === i ? k : c)).join()))
        if (parts.every((p) => p !== null && p !== undefined))
          expect(parts.reduce((a, b) => a! + b!, 0)).toBe(row.n)
      })
    }
  }
  const audit = await auditTables(result.tables)
  expect(audit.issues.length).toBeLessThanOrEqual(unprotectable)
}

describe('protectTables (property tests)', () => {
  it('a suppressed primary cell keeps its ±10 % interval in random hierarchical tables', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, (t) => check([t])),
      { seed: 42, numRuns: 15 },
    )
  })
  it('a suppressed primary cell keeps its ±10 % interval against linked tables', async () => {
    await fc.assert(
      fc.asyncProperty(linkedArb, (ts) => check(ts)),
      { seed: 7, numRuns: 10 },
    )
  })
})

describe('protectTables with the statuses shown', () => {
  // Four régions of one person each, under a published national total: read with their statuses
  // (each `A` holds at least one), 4 = 1 + 1 + 1 + 1 tells every one of them, whatever else is
  // hidden, unless the total goes; the search protects them as PRIVACY.md §4 asks and names them.
  const input: TableInput = {
    name: 'regions',
    dimensions: ['r'],
    hierarchies: {
      r: [{ code: 'FR', parent: '' }, ...['a', 'b', 'c', 'd'].map((code) => ({ code, parent: 'FR' }))],
    },
    rows: ['a', 'b', 'c', 'd'].map((code) => ({ codes: [code], n: 1 })),
  }

  it('names the primaries it can protect only against a reader of the values alone, and audits them so', async () => {
    const result = await protectTables([input], { rules: { minPersons: 2, rate: false } })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect([result.report.relaxed, result.report.audit?.ok, result.report.issues]).toEqual([
      ['regions: r=a', 'regions: r=b', 'regions: r=c', 'regions: r=d'],
      true,
      [],
    ])
  })

  it('needs no such relaxation where the statuses tell nothing (statusesShown: false)', async () => {
    const result = await protectTables([input], {
      rules: { minPersons: 2, rate: false },
      statusesShown: false,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect([result.report.relaxed, result.report.audit?.ok]).toEqual([undefined, true])
  })
})
