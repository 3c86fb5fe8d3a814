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

  it('prints the marks of a scale short: one unit for a whole axis (k, M), legend boundaries in full', () => {
    expect([formatScale(0.5, true), formatScale(0.545, true), formatScale(1200, false)]).toEqual([
      '50\u00a0%',
      '54,5\u00a0%',
      '1\u202f200',
    ])
    const axis = (top: number) => [0, top / 4, top / 2, top].map((v) => formatScale(v, false, top))
    expect([axis(200_000), axis(20_000_000), axis(40_000)]).toEqual([
      ['0', '50\u00a0k', '100\u00a0k', '200\u00a0k'],
      ['0', '5\u00a0M', '10\u00a0M', '20\u00a0M'],
      ['0', '10\u202f000', '20\u202f000', '40\u202f000'],
    ])
    expect(formatScale(1_305_412, false)).toBe('1\u202f305\u202f412')
  })
})
