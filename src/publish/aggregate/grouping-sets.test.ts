import { describe, expect, it } from 'vitest'
import { groupingIdSql, groupingSets, groupingSetsClause, levelsOf } from './grouping-sets.ts'
import { planTable } from './plan.ts'

const plan = planTable({
  name: 't',
  title: 'T',
  description: 'T',
  population: 'entrees',
  dimensions: [{ name: 'territoire', depth: 'departement' }, { name: 'sexe' }],
  measures: ['nb_entrees'],
})

describe('grouping sets', () => {
  it('cross every level of each dimension, grouped with the levels above it, and the totals', () => {
    expect(groupingSets(plan)).toEqual([
      [],
      ['d1_0'],
      ['d0_0'],
      ['d0_0', 'd1_0'],
      ['d0_0', 'd0_1'],
      ['d0_0', 'd0_1', 'd1_0'],
    ])
    expect(groupingSetsClause([[], ['d0_0', 'd1_0']])).toBe('grouping sets ((), (d0_0, d1_0))')
    expect(groupingIdSql(plan)).toBe('grouping(d0_0, d0_1, d1_0)')
  })

  it("read a row's level in each dimension from its grouping id", () => {
    // Bits, first column highest, set when the column is aggregated away: d0_0 d0_1 d1_0.
    expect(levelsOf(plan, 0b111)).toEqual([0, 0])
    expect(levelsOf(plan, 0b110)).toEqual([0, 1])
    expect(levelsOf(plan, 0b011)).toEqual([1, 0])
    expect(levelsOf(plan, 0b001)).toEqual([2, 0])
    expect(levelsOf(plan, 0b000)).toEqual([2, 1])
  })
})
