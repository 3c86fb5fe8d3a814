import { describe, expect, it } from 'vitest'
import { niceTop } from './nice-top.ts'

describe('niceTop', () => {
  it('extends the largest value to the next round tick, and keeps a round one', () => {
    expect([0.681, 0.958, 1, 4999, 12_345].map(niceTop)).toEqual([0.7, 1, 1, 5000, 13_000])
  })
})
