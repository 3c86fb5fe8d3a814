import { describe, expect, it } from 'vitest'
import { depthFirst, ranksOf, sortByRanks } from './order.ts'

const tree = [
  { code: 'R93', parent: '_T' },
  { code: '_T', parent: '' },
  { code: 'D13', parent: 'R93' },
  { code: 'R11', parent: '_T' },
  { code: 'D06', parent: 'R93' },
]

describe('depthFirst', () => {
  it('puts each parent before its children, children in the order listed, whatever the row order', () => {
    expect(depthFirst(tree).map((r) => r.code)).toEqual(['_T', 'R93', 'D13', 'D06', 'R11'])
  })

  it('handles deep hierarchies without recursion', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => ({
      code: `c${i}`,
      parent: i === 0 ? '' : `c${i - 1}`,
    }))
    expect(depthFirst(chain).length).toBe(100_000)
  })
})

describe('sortByRanks', () => {
  it('orders rows by the first dimension, then the next, each in hierarchy order', () => {
    const sexe = ranksOf([
      { code: '_T', parent: '' },
      { code: 'F', parent: '_T' },
      { code: 'M', parent: '_T' },
    ])
    const rows = [
      ['R11', 'M'],
      ['D13', '_T'],
      ['_T', 'F'],
      ['R93', 'M'],
      ['R93', '_T'],
      ['_T', '_T'],
    ].map((codes) => ({ codes }))
    expect(sortByRanks(rows, [ranksOf(tree), sexe]).map((r) => r.codes.join())).toEqual([
      '_T,_T',
      '_T,F',
      'R93,_T',
      'R93,M',
      'D13,_T',
      'R11,M',
    ])
  })
})
