import { describe, expect, it } from 'vitest'
import { threePopulations } from './components.fixture.ts'
import { type ProtectResult, protectTables, type SearchRunner, searchComponents } from './index.ts'

/** What a protection decided: every row and the report, without the times it took. */
function decided(result: ProtectResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  const { protectSeconds: _p, auditSeconds: _a, ...solver } = result.report.solver
  return { tables: result.tables, report: { ...result.report, solver } }
}

const reverse: SearchRunner = async (job, components) => {
  const outcomes = []
  for (const { id } of [...components].reverse()) outcomes.push(await searchComponents(job, [id]))
  return outcomes
}

const together: SearchRunner = async (job, components) => [
  await searchComponents(
    job,
    components.map((c) => c.id),
  ),
]

describe('suppressSecondary', () => {
  it('searches each component apart: the same pattern whatever the order or grouping of the searches', async () => {
    const inputs = threePopulations()
    const inTurn = decided(await protectTables(inputs, { rules: { minPersons: 11 } }))
    // Enough to be a real test: every population has primaries and secondaries.
    for (const table of inTurn.report.tables) {
      expect(table.byStatus.A, table.name).toBeGreaterThan(0)
    }
    expect(inTurn.report.set.byStatus.D).toBeGreaterThan(0)
    expect(inTurn.report.audit?.ok).toBe(true)
    for (const runner of [reverse, together]) {
      expect(decided(await protectTables(inputs, { rules: { minPersons: 11 }, runner }))).toEqual(inTurn)
    }
  })

  it('gives the runner only the components that hold primaries, largest first', async () => {
    // Components are numbered by their first cell: entrées 0 (55 cells), sorties 1 (80), CEP 2.
    const inputs = threePopulations([2, 3, 3]).map((t) =>
      t.population === 'cep' ? { ...t, rows: t.rows.map((r) => ({ ...r, n: 50 })) } : t,
    )
    const seen: (readonly { id: number; cells: number }[])[] = []
    const spy: SearchRunner = async (job, components) => {
      seen.push(components)
      return reverse(job, components)
    }
    decided(await protectTables(inputs, { rules: { minPersons: 11 }, runner: spy }))
    expect(seen).toEqual([
      [
        { id: 1, cells: 80 },
        { id: 0, cells: 55 },
      ],
    ])
  })
})
