import { describe, expect, it } from 'vitest'
import { selectCells, stateOf } from './cells.ts'
import { parseHierarchy } from './hierarchy.ts'
import type { PublishedTable } from './published-table.ts'

const territoire = parseHierarchy(
  [
    'code,parent,label,niveau',
    '_T,,France entière,total',
    'R84,_T,Auvergne-Rhône-Alpes,region',
    'R94,_T,Corse,region',
    'D01,R84,Ain,departement',
    'D03,R84,Allier,departement',
    'D2A,R94,Corse-du-Sud,departement',
  ].join('\n'),
)
const row = (periode: string, t: string, n: number | null, s: string) => ({
  periode,
  territoire: t,
  nb: n,
  nb_statut: s,
})
const table: PublishedTable = {
  table: 't',
  title: 'T',
  dimensions: ['periode', 'territoire'],
  columns: ['periode', 'territoire', 'nb', 'nb_statut'].map((name) => ({ name, type: 'string' })),
  rows: [
    row('_T', '_T', 100, 'V'),
    row('_T', 'R84', 80, 'V'),
    row('_T', 'R94', null, 'A'),
    row('_T', 'D01', 50, 'V'),
    row('_T', 'D03', null, 'D'),
    row('2025', '_T', 60, 'V'),
    row('2025', 'R84', null, 'V'),
  ],
}
const hierarchies = new Map([['territoire', territoire]])

describe('selectCells', () => {
  it('takes the top level below the total, other dimensions at their total', () => {
    const cells = selectCells(table, hierarchies, { measure: 'nb', x: 'territoire', filters: {} })
    expect(cells.map((c) => [c.x, c.xLabel, c.value, c.status, c.state])).toEqual([
      ['R84', 'Auvergne-Rhône-Alpes', 80, 'V', 'value'],
      ['R94', 'Corse', null, 'A', 'secret'],
    ])
  })

  it('takes a level, within the filter on the same dimension', () => {
    const all = selectCells(table, hierarchies, {
      measure: 'nb',
      x: 'territoire',
      level: 'departement',
      filters: {},
    })
    expect(all.map((c) => [c.x, c.state])).toEqual([
      ['D01', 'value'],
      ['D03', 'secret'],
      ['D2A', 'absent'],
    ])
    const within = selectCells(table, hierarchies, {
      measure: 'nb',
      x: 'territoire',
      level: 'departement',
      filters: { territoire: 'R94' },
    })
    expect(within.map((c) => c.x)).toEqual(['D2A'])
  })

  it('applies filters, and reads an empty value with status V as undefined, never as 0', () => {
    const cells = selectCells(table, hierarchies, {
      measure: 'nb',
      x: 'territoire',
      filters: { periode: '2025' },
    })
    expect(cells.map((c) => [c.x, c.value, c.state])).toEqual([
      ['R84', null, 'undefined'],
      ['R94', null, 'absent'],
    ])
  })

  it('returns the total cell when there is no breakdown', () => {
    expect(
      selectCells(table, hierarchies, { measure: 'nb', filters: {} }).map((c) => [c.x, c.value]),
    ).toEqual([['_T', 100]])
  })
})

describe('stateOf', () => {
  it('tells secret (A, B, D), undefined, value and absent apart', () => {
    expect([
      stateOf({ m: null, m_statut: 'B' }, 'm'),
      stateOf({ m: null, m_statut: 'V' }, 'm'),
      stateOf({ m: 0, m_statut: 'V' }, 'm'),
      stateOf(undefined, 'm'),
    ]).toEqual(['secret', 'undefined', 'value', 'absent'])
  })
})
