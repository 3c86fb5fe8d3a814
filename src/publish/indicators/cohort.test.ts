import { describe, expect, it } from 'vitest'
import { cohortObserved, cohortObservedOn, lastObservedYear } from './cohort.ts'

describe('cohortObservedOn', () => {
  it('is the end of the calendar year plus the horizon, whatever the day in the year', () => {
    expect(['2025-01-01', '2025-07-14', '2025-12-31'].map((d) => cohortObservedOn(d, 6))).toEqual([
      '2026-06-30',
      '2026-06-30',
      '2026-06-30',
    ])
    expect(cohortObservedOn('2024-02-29', 12)).toBe('2025-12-31')
    expect(cohortObservedOn('2024-03-01', 0)).toBe('2024-12-31')
  })
})

describe('cohortObserved', () => {
  it('holds from the day the last exit of the year reaches its horizon, not before', () => {
    expect(cohortObserved('2025-01-31', 6, '2026-06-29')).toBe(false)
    expect(cohortObserved('2025-01-31', 6, '2026-06-30')).toBe(true)
    expect(cohortObserved('2025-01-31', 12, '2026-06-30')).toBe(false)
    expect(cohortObserved('2025-01-31', 12, '2026-12-31')).toBe(true)
  })
})

describe('lastObservedYear', () => {
  it('is the year whose 31 December plus the horizon is reached, the day it is', () => {
    expect(lastObservedYear('2026-06-29', 6)).toBe(2024)
    expect(lastObservedYear('2026-06-30', 6)).toBe(2025)
    expect(lastObservedYear('2026-12-30', 12)).toBe(2024)
    expect(lastObservedYear('2026-12-31', 12)).toBe(2025)
  })
})
