import { describe, expect, it } from 'vitest'
import { applyPrimaryRules } from './apply-primary-rules.ts'
import { buildTable } from './build-table.ts'
import { linkTables } from './link-tables.ts'
import { resolveRules } from './primary-rules.ts'
import type { TableInput } from './types.ts'

function marksOf(input: TableInput) {
  const table = buildTable(input)
  if (!table.ok) throw new Error('bad table')
  const system = linkTables([table.value])
  if (!system.ok) throw new Error('bad system')
  const { marks } = applyPrimaryRules(system.value, () => resolveRules({ minPersons: 5 }, input.name).rules)
  const key = (id: number) => system.value.keys[id]!
  return {
    status: [...marks.status].map((s, id) => `${key(id)} ${s}`),
    rateOnly: [...marks.rateOnly].map(
      ([id, needs]) =>
        `${key(id)} ${[...needs].map(([name, need]) => `${name}±${need.distance}${need.singleton ? '!' : ''}`).join(' ')}`,
    ),
  }
}

describe('applyPrimaryRules', () => {
  it('leaves a cell whose rates alone break the rules published, naming their measures with the distance of their small side, as for a cell small by its count', () => {
    expect(
      marksOf({
        name: 't',
        dimensions: ['a'],
        rows: [
          { codes: ['a1'], n: 30, measures: { connus: 5, emploi: 3 } },
          { codes: ['a2'], n: 3, measures: { connus: 3, emploi: 1 } },
          { codes: ['a3'], n: 40, measures: { connus: 30, emploi: 20 } },
        ],
        rates: [{ numerator: 'emploi', denominator: 'connus' }],
      }),
    ).toEqual({
      // a1: 3 of 5 known, a denominator below 20: both hidden, the count published. a2 is small
      // by its count: primary, and its rate's measures are protected too (one person employed).
      status: [' 0', 'a=a1 0', 'a=a2 1', 'a=a3 0'],
      rateOnly: ['a=a1 emploi±1 connus±1', 'a=a2 emploi±1! connus±1'],
    })
  })

  it('names the numerator of a rate over the count: whether the count may show is the persons rule’s call', () => {
    expect(
      marksOf({
        name: 't',
        dimensions: ['a'],
        rows: [
          { codes: ['a1'], n: 12, measures: { emploi: 3 } },
          { codes: ['a2'], n: 40, measures: { emploi: 20 } },
        ],
        rates: [{ numerator: 'emploi' }],
      }).rateOnly,
    ).toEqual(['a=a1 emploi±1'])
  })

  it('hides a numerator alone when the denominator is large enough, with the distance of the complement when it is the smaller', () => {
    expect(
      marksOf({
        name: 't',
        dimensions: ['a'],
        rows: [
          { codes: ['a1'], n: 60, measures: { connus: 50, emploi: 48 } },
          { codes: ['a2'], n: 60, measures: { connus: 50, emploi: 1 } },
          { codes: ['a3'], n: 400, measures: { connus: 300, emploi: 150 } },
        ],
        rates: [{ numerator: 'emploi', denominator: 'connus' }],
      }),
    ).toEqual({
      status: [' 0', 'a=a1 0', 'a=a2 0', 'a=a3 0'],
      // a1: 2 without the outcome; a2: one person with it, who knows it.
      rateOnly: ['a=a1 emploi±1', 'a=a2 emploi±1!'],
    })
  })
})
