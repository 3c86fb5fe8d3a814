import { describe, expect, it } from 'vitest'
import { formatScale, formatValue } from './format.ts'

describe('formatValue', () => {
  it('prints rates with one decimal always, as the tables of the pages do', () => {
    expect([0.46, 0.453, 0.9999, 0].map((v) => formatValue(v, true))).toEqual([
      '46,0\u00a0%',
      '45,3\u00a0%',
      '100,0\u00a0%',
      '0,0\u00a0%',
    ])
  })

  it('prints counts as integers and other numbers with at most one decimal', () => {
    expect([formatValue(12345, false), formatValue(35.25, false)]).toEqual(['12\u202f345', '35,3'])
  })

  it('prints the marks of a scale short: axis ticks, legend boundaries, millions of euros', () => {
    expect(
      [0.5, 0.545]
        .map((v) => formatScale(v, true))
        .concat([1200, 99_999, 500_000, 17_052_821].map((v) => formatScale(v, false))),
    ).toEqual(['50\u00a0%', '54,5\u00a0%', '1\u202f200', '99\u202f999', '500\u00a0k', '17,1\u00a0M'])
  })
})
