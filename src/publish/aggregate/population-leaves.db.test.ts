import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { POPULATIONS, type Population } from '../definition/catalogue.ts'
import type { AggregationPlan } from './plan.ts'
import { createPopulationLeavesSql, leavesSelect, planPopulationLeaves } from './population-leaves.ts'

// A population of 33 levels: its set ids take two grouping() calls (31 levels each at most).
const LEVELS = 33
const population = {
  ...POPULATIONS.entrees,
  factTable: 'leaves_fact' as Population['factTable'],
  where: 'true',
}
const plan = (levels: readonly number[]): AggregationPlan => ({
  population,
  dimensions: levels.map((i) => ({
    name: 'sexe',
    levels: [{ name: `x${i}`, sql: `x${i}`, column: `d${i}_0` }],
  })),
  additive: [{ name: 'nb_entrees', sql: 'count(*)' }],
  personCounts: [],
  ratePersons: [],
})
const all = plan(Array.from({ length: LEVELS }, (_, i) => i))
const ends = plan([0, LEVELS - 1])
const middle = plan([31])
// Same first 31 levels as `middle`: only the second grouping() tells them apart.
const last = plan([LEVELS - 1])

let store: TestStore
beforeAll(async () => {
  store = await openTestStore({ migrate: false })
  const columns = Array.from({ length: LEVELS }, (_, i) => `x${i} text`).join(', ')
  await sql.raw(`create table leaves_fact (${columns})`).execute(store.db)
  // Rows where x0 and x32 take two values each, and x31 three; the other levels one.
  const values = [
    ['a', 'p', 'u'],
    ['a', 'q', 'u'],
    ['b', 'p', 'v'],
    ['b', 'p', 'w'],
    ['b', 'p', 'w'],
  ]
  for (const [first, last, x31] of values) {
    const row = Array.from({ length: LEVELS }, (_, i) =>
      i === 0 ? first : i === LEVELS - 1 ? last : i === 31 ? x31 : 'z',
    )
    await sql.raw(`insert into leaves_fact values (${row.map((v) => `'${v}'`).join(', ')})`).execute(store.db)
  }
  const [leaves] = planPopulationLeaves([all, ends, middle, last], () => 1)
  await sql.raw(createPopulationLeavesSql(leaves!, [all, ends, middle, last])).execute(store.db)
})
afterAll(() => store.dispose())

describe('a population of more than 31 levels', () => {
  const read = async (p: AggregationPlan) => {
    const [leaves] = planPopulationLeaves([all, ends, middle, last], () => 1)
    const { rows } = await sql.raw<Record<string, string>>(`${leavesSelect(leaves!, p, 1)}`).execute(store.db)
    const codes = (r: Record<string, string>) => p.dimensions.map((d) => r[d.levels[0]!.column]).join(' ')
    return rows.map((r) => `${codes(r)}: ${r.nb_entrees}`).sort()
  }

  it('gives each table exactly the finest cells of its own set', async () => {
    expect(await read(ends)).toEqual(['a p: 1', 'a q: 1', 'b p: 3'])
    expect(await read(middle)).toEqual(['u: 2', 'v: 1', 'w: 2'])
    expect(await read(last)).toEqual(['p: 4', 'q: 1'])
    expect((await read(all)).length).toBe(4)
  })
})
