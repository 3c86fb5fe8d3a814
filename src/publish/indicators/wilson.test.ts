import { describe, expect, it } from 'vitest'
import { wilsonInterval } from './wilson.ts'

const round = (i: { low: number; high: number } | null) =>
  i && { low: Number(i.low.toFixed(4)), high: Number(i.high.toFixed(4)) }

describe('wilsonInterval', () => {
  it('gives the published 95 % Wilson intervals', () => {
    // Reference values: Newcombe (1998), Statistics in Medicine 17, table I (method 3).
    expect(round(wilsonInterval(81, 263))).toEqual({ low: 0.2553, high: 0.3662 })
    expect(round(wilsonInterval(15, 148))).toEqual({ low: 0.0624, high: 0.1605 })
    expect(round(wilsonInterval(0, 20))).toEqual({ low: 0, high: 0.1611 })
    expect(round(wilsonInterval(1, 29))).toEqual({ low: 0.0061, high: 0.1718 })
  })

  it('stays within [0, 1] at 0 % and 100 %, and is undefined without a denominator', () => {
    expect(round(wilsonInterval(20, 20))).toEqual({ low: 0.8389, high: 1 })
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  it('refuses what is not a proportion, naming it', () => {
    expect(() => wilsonInterval(3, 2)).toThrow('invalid proportion: 3/2')
    expect(() => wilsonInterval(-1, 2)).toThrow('invalid proportion: -1/2')
  })
})
