import { describe, expect, it } from 'vitest'
import { addDays, addMonths, isCalendarDate } from './dates.ts'

describe('calendar arithmetic', () => {
  it('adds days across months and years', () => {
    expect([
      addDays('2024-02-28', 1),
      addDays('2024-02-28', 2),
      addDays('2024-12-31', 1),
      addDays('2024-03-01', -1),
    ]).toEqual(['2024-02-29', '2024-03-01', '2025-01-01', '2024-02-29'])
  })

  it('adds months, keeping to the last day of a shorter month', () => {
    expect([
      addMonths('2024-01-15', 6),
      addMonths('2024-08-31', 6),
      addMonths('2023-08-31', 6),
      addMonths('2024-10-31', 12),
      addMonths('2024-01-31', 1),
    ]).toEqual(['2024-07-15', '2025-02-28', '2024-02-29', '2025-10-31', '2024-02-29'])
  })
})

describe('isCalendarDate', () => {
  it('accepts the days of the calendar, leap days of leap years only', () => {
    const days = ['2024-02-29', '2000-02-29', '2023-12-31', '2023-04-30', '0001-01-01']
    expect(days.filter(isCalendarDate)).toEqual(days)
  })

  it('refuses days that Date.parse rolls over, and anything but YYYY-MM-DD', () => {
    const refused = [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
    ]
    const shapes = ['2023-1-01', '20230101', '2023-01-01T00:00:00Z', ' 2023-01-01', 20230101, null]
    expect([...refused, ...shapes].filter(isCalendarDate)).toEqual([])
  })
})
