import { describe, expect, it } from 'vitest'
import { threePopulations } from '../../privacy/components.fixture.ts'
import { type ProtectResult, protectTables } from '../../privacy/index.ts'
import { type ComponentSearched, SearchInterrupted, searchOnThreads } from './search-threads.ts'

function decided(result: ProtectResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  const { protectSeconds: _p, auditSeconds: _a, ...solver } = result.report.solver
  return { tables: result.tables, report: { ...result.report, solver } }
}

describe('searchOnThreads', () => {
  it('protects as the search on the calling thread does, with more components than threads', async () => {
    const inputs = threePopulations([2, 3, 4])
    const here = decided(await protectTables(inputs, { rules: { minPersons: 11 } }))
    expect(here.report.set.byStatus.D).toBeGreaterThan(0)
    const threaded = decided(
      await protectTables(inputs, { rules: { minPersons: 11 }, runner: searchOnThreads(2) }),
    )
    expect(threaded).toEqual(here)
  })

  it('protects on the calling thread, as the privacy library does, when given one thread', async () => {
    const inputs = threePopulations([2, 3, 4])
    const here = decided(await protectTables(inputs, { rules: { minPersons: 11 } }))
    expect(
      decided(await protectTables(inputs, { rules: { minPersons: 11 }, runner: searchOnThreads(1) })),
    ).toEqual(here)
  })

  it('tells, as each thread ends a component, the tables holding it, its cells and its time', async () => {
    const told: ComponentSearched[] = []
    const started: [number, number][] = []
    const result = await protectTables(threePopulations([2, 3, 4]), {
      rules: { minPersons: 11 },
      runner: searchOnThreads(2, undefined, {
        started: (components, threads) => started.push([components, threads]),
        searched: (component) => told.push(component),
      }),
    })
    expect(result.ok).toBe(true)
    const byCells = told.map(({ tables, cells, seconds }) => ({ tables, cells, timed: seconds >= 0 }))
    byCells.sort((a, b) => b.cells - a.cells)
    // 5 × (1 + 5g) distinct cells per population (components.fixture.ts).
    expect([started, byCells]).toEqual([
      [[3, 2]],
      [
        { tables: ['cep_sexe', 'cep_age'], cells: 105, timed: true },
        { tables: ['sorties_sexe', 'sorties_age'], cells: 80, timed: true },
        { tables: ['entrees_sexe', 'entrees_age'], cells: 55, timed: true },
      ],
    ])
  })

  it('stops its threads when the signal fires and rejects with SearchInterrupted, outcome or not', async () => {
    const inputs = threePopulations([2, 3, 4])
    // With a signal, even one thread is a worker: the calling thread would not see the signal.
    for (const threads of [2, 1]) {
      const controller = new AbortController()
      const search = protectTables(inputs, {
        rules: { minPersons: 11 },
        runner: searchOnThreads(threads, controller.signal),
      })
      // Threads take longer than this to start (each loads the TypeScript loader and the library).
      setTimeout(() => controller.abort(), 5)
      await expect(search, `${threads} thread(s)`).rejects.toBeInstanceOf(SearchInterrupted)
      const already = protectTables(inputs, {
        rules: { minPersons: 11 },
        runner: searchOnThreads(threads, controller.signal),
      })
      await expect(already).rejects.toBeInstanceOf(SearchInterrupted)
    }
  })
})
