import { describe, expect, it } from 'vitest'
import { parsePeriod, partialSuffix, periodEnd, periodLabel, periodStart } from './period-code.ts'

describe('period codes', () => {
  it('reads years, quarters and months, and nothing else', () => {
    expect(['2025', '2025-T4', '2025-02', '_T', '2025-T5', '2025-13', '25'].map(parsePeriod)).toEqual([
      { level: 'annee', year: 2025 },
      { level: 'trimestre', year: 2025, quarter: 4 },
      { level: 'mois', year: 2025, month: 2 },
      null,
      null,
      null,
      null,
    ])
  })

  it('gives the first and last day of each period, leap years included', () => {
    const days = ['2024', '2024-T1', '2024-02', '2025-02', '2025-T4'].map((code) => {
      const period = parsePeriod(code)!
      return [periodStart(period), periodEnd(period)]
    })
    expect(days).toEqual([
      ['2024-01-01', '2024-12-31'],
      ['2024-01-01', '2024-03-31'],
      ['2024-02-01', '2024-02-29'],
      ['2025-02-01', '2025-02-28'],
      ['2025-10-01', '2025-12-31'],
    ])
  })

  it('reads periods in French', () => {
    expect(['2025', '2025-T1', '2025-T3', '2025-08'].map((c) => periodLabel(parsePeriod(c)!))).toEqual([
      '2025',
      '1er trimestre 2025',
      '3e trimestre 2025',
      'août 2025',
    ])
  })

  it('marks a period partial when the data stop on or after its first day and before its last', () => {
    const year = parsePeriod('2026')!
    expect(
      ['2025-12-31', '2026-01-01', '2026-09-30', '2026-12-30', '2026-12-31', '2027-03-01'].map((d) =>
        partialSuffix(year, d),
      ),
    ).toEqual(['', ' (jusqu’au 1er janvier)', ' (jusqu’au 30 septembre)', ' (jusqu’au 30 décembre)', '', ''])
  })
})
