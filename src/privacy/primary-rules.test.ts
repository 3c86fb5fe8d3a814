import { describe, expect, it } from 'vitest'
import { downwardDistance, isRatePersonsUnsafe, resolveRules } from './primary-rules.ts'

describe('downwardDistance', () => {
  it('asks the whole protection distance below a cell that holds more than it', () => {
    expect([downwardDistance(3, 10), downwardDistance(2.5, 2.5)]).toEqual([3, 2.5])
  })

  it('asks no more than down to 0 below a small cell, and nothing below an empty one', () => {
    expect([downwardDistance(3, 2), downwardDistance(3, 0)]).toEqual([2, 0])
  })
})

describe('isRatePersonsUnsafe', () => {
  const { rules } = resolveRules()
  const check = (units: number, denominator: number, numerator: number, complement: number) =>
    isRatePersonsUnsafe(rules, units, { denominator, numerator, complement })

  it('needs 20 persons in the denominator, however many units they have', () => {
    expect([check(40, 19, 12, 12), check(40, 24, 12, 12)]).toEqual([true, false])
  })

  it('refuses a numerator or a complement of 1 to 10 persons, and lets 0 through', () => {
    expect([
      check(40, 30, 10, 20),
      check(40, 30, 20, 10),
      check(40, 30, 0, 30),
      check(40, 30, 30, 0),
    ]).toEqual([true, true, false, false])
  })

  it('counts a person with units on both sides on both sides', () => {
    // 40 persons: 20 with the outcome, 31 with a unit without it, 11 of them on both sides.
    expect(check(60, 40, 20, 31)).toBe(false)
  })

  it('refuses a denominator less numerator of 1 to 10 persons, though more have a unit without the outcome', () => {
    // 30 persons, 25 with a success: 5 without any; 12 with a failure, 7 of them with a success too.
    expect([check(45, 30, 25, 12), check(45, 36, 25, 12)]).toEqual([true, false])
  })

  it('holds an unknown persons count unsafe, and publishes no rate over no unit', () => {
    expect([check(40, 30, Number.NaN, 20), check(0, 0, 0, 0)]).toEqual([true, false])
  })
})
