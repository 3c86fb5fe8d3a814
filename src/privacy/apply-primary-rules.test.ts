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
    rateOnly: [...marks.rateOnly].map(([id, names]) => `${key(id)} ${[...names].join('+')}`),
  }
}

describe('applyPrimaryRules', () => {
  it('names the measures of the rates that alone make a cell primary, and no cell its count makes primary', () => {
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
      status: [' 0', 'a=a1 1', 'a=a2 1', 'a=a3 0'],
      rateOnly: ['a=a1 emploi+connus'],
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
    ).toEqual(['a=a1 emploi'])
  })
})
