import { describe, expect, it } from 'vitest'
import { downwardDistance } from './primary-rules.ts'

describe('downwardDistance', () => {
  it('asks the whole protection distance below a cell that holds more than it', () => {
    expect([downwardDistance(3, 10), downwardDistance(2.5, 2.5)]).toEqual([3, 2.5])
  })

  it('asks no more than down to 0 below a small cell, and nothing below an empty one', () => {
    expect([downwardDistance(3, 2), downwardDistance(3, 0)]).toEqual([2, 0])
  })
})
