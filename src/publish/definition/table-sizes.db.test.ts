import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { buildHierarchies, type HierarchyNode, restrictHierarchy } from './hierarchies.ts'
import { loadHierarchySources } from './hierarchy-sources.repository.ts'
import { readDefinitions } from './read-definitions.ts'

// The privacy library builds the full cross of a table's trees: a table has the product of their
// sizes in cells. National data is assumed to use every code of the reference lists, 5 years of
// months, ~33 funders and 40,000 organisms (the generator's largest referential).
const LIMIT = 60_000

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

describe('the tables of datasets/ on national data', () => {
  it('stay under 60,000 cells, but for the commune table (communes crossed with years only)', async () => {
    const sources = await loadHierarchySources(store.db)
    const funders = Array.from({ length: 33 }, (_, i) => ({ code: `F${i}`, name: `F${i}`, kind: 'OPCO' }))
    const months = [2021, 2022, 2023, 2024, 2025].flatMap((y) =>
      Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
    )
    const organisms = Array.from({ length: 40_000 }, (_, i) => String(i).padStart(14, '0'))
    const trees = buildHierarchies(
      { ...sources, partners: funders },
      { periods: months, organisms, asOf: '2025-12-31' },
    )
    const definitions = await readDefinitions()
    if (!definitions.ok) throw new Error('datasets/ does not load')
    const sizes: Record<string, number> = {}
    for (const dataset of definitions.value) {
      for (const table of dataset.tables) {
        sizes[`${dataset.slug}/${table.name}`] = table.dimensions
          .map((d) => {
            const tree: HierarchyNode[] = trees[d.name]
            return restrictHierarchy(
              tree,
              tree.map((n) => n.code),
              d.depth,
            ).length
          })
          .reduce((a, b) => a * b, 1)
      }
    }
    const over = Object.entries(sizes).filter(([, size]) => size >= LIMIT)
    expect(over.map(([name]) => name)).toEqual(['entrees-formation/entrees_commune'])
    expect(over[0]![1]).toBeLessThan(6 * 38_000)
  })
})
