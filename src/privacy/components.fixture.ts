/**
 * Tables of three populations for the tests of searching components apart: each population is a
 * component of its own, with small cells spread by a seeded generator.
 * @module
 */
import type { HierarchyRow, TableInput } from './types.ts'

/** A deterministic generator of counts (a linear congruential one): 0, small and large counts. */
function counts(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    const pick = state % 10
    return pick < 2 ? 0 : pick < 6 ? 1 + (state % 9) : 15 + (state % 120)
  }
}

function hierarchy(dimension: string, groups: number, leaves: number): HierarchyRow[] {
  const rows: HierarchyRow[] = [{ code: dimension, parent: '' }]
  for (let g = 0; g < groups; g++) {
    rows.push({ code: `${dimension}${g}`, parent: dimension })
    for (let k = 0; k < leaves; k++) rows.push({ code: `${dimension}${g}.${k}`, parent: `${dimension}${g}` })
  }
  return rows
}

/**
 * Per population two linked tables (région × sex, région × age) over the same persons: with `g`
 * groups of 4 régions, 5 × (1 + 5g) distinct cells.
 */
export function threePopulations(groups: readonly [number, number, number] = [3, 3, 3]): TableInput[] {
  return (['entrees', 'sorties', 'cep'] as const).flatMap((population, p) => {
    const region = hierarchy('r', groups[p]!, 4)
    const leaves = region.filter((r) => r.code.includes('.')).map((r) => r.code)
    const next = counts(17 + p)
    const bySex = leaves.flatMap((r) => ['F', 'M'].map((s) => ({ codes: [r, s], n: next() })))
    const byAge = leaves.flatMap((r) => {
      const total = bySex.filter((row) => row.codes[0] === r).reduce((sum, row) => sum + row.n, 0)
      const young = Math.min(total, next())
      return [
        { codes: [r, 'jeune'], n: young },
        { codes: [r, 'senior'], n: total - young },
      ]
    })
    return [
      {
        name: `${population}_sexe`,
        population,
        dimensions: ['r', 's'],
        hierarchies: { r: region },
        rows: bySex,
      },
      {
        name: `${population}_age`,
        population,
        dimensions: ['r', 'a'],
        hierarchies: { r: region },
        rows: byAge,
      },
    ]
  })
}
