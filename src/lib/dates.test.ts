import { describe, expect, it } from 'vitest'
import { addDays, addMonths } from './dates.ts'

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
