import { describe, expect, it } from 'vitest'
import {
  addMonths,
  ageAt,
  dayOf,
  formatTimestamp,
  isoDate,
  parisOffsetMinutes,
  parseIsoDate,
  weekday,
} from './dates.ts'

describe('dates', () => {
  it('round-trips day numbers through civil dates like Date does', () => {
    for (let day = dayOf(1899, 12, 1); day < dayOf(2040, 1, 1); day += 37) {
      expect(isoDate(day)).toBe(new Date(day * 86400000).toISOString().slice(0, 10))
      expect(parseIsoDate(isoDate(day))).toBe(day)
    }
    expect(parseIsoDate('2023-02-29')).toBeNaN()
  })

  it('adds months, computes ages, weekdays and Paris offsets', () => {
    expect(isoDate(addMonths(dayOf(2024, 1, 31), 1))).toBe('2024-02-29')
    expect(ageAt(dayOf(1985, 5, 14), dayOf(2024, 5, 13))).toBe(38)
    expect(ageAt(dayOf(1985, 5, 14), dayOf(2024, 5, 14))).toBe(39)
    expect(weekday(dayOf(2024, 3, 4))).toBe(0)
    expect(parisOffsetMinutes(dayOf(2024, 3, 30))).toBe(60)
    expect(parisOffsetMinutes(dayOf(2024, 3, 31))).toBe(120)
    expect(parisOffsetMinutes(dayOf(2024, 10, 27))).toBe(60)
    const t = dayOf(2024, 3, 1) * 86400 + 9 * 3600
    expect(formatTimestamp(t, 60)).toBe('2024-03-01T10:00:00+01:00')
    expect(formatTimestamp(t, -240)).toBe('2024-03-01T05:00:00-04:00')
    expect(formatTimestamp(t, null)).toBe('2024-03-01T09:00:00Z')
  })
})
