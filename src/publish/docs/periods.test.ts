import { describe, expect, it } from 'vitest'
import { formatPeriod, formatRange, periodRange, unionRange } from './periods.ts'

describe('periodRange', () => {
  it('takes the finest level present, ignoring the total and the levels above', () => {
    expect(periodRange(['_T', '2025', '2024', '2024-T3', '2025-T2', '2024-T4'])).toEqual({
      first: '2024-T3',
      last: '2025-T2',
    })
    expect(periodRange(['_T', '2025', '2025-T1', '2025-02', '2025-01'])).toEqual({
      first: '2025-01',
      last: '2025-02',
    })
    expect(periodRange(['2026', '2024'])).toEqual({ first: '2024', last: '2026' })
    expect(periodRange(['_T'])).toBeNull()
  })

  it('unites the ranges of several tables at the finest level any of them has', () => {
    expect(
      unionRange([{ first: '2024', last: '2026' }, null, { first: '2024-T1', last: '2026-T3' }]),
    ).toEqual({
      first: '2024-T1',
      last: '2026-T3',
    })
    expect(unionRange([null])).toBeNull()
  })
})

describe('formatRange', () => {
  it('reads periods in French, contracting the article of quarters', () => {
    expect(['2025', '2025-T1', '2025-T4', '2025-08', 'autre'].map(formatPeriod)).toEqual([
      '2025',
      '1er trimestre 2025',
      '4e trimestre 2025',
      'août 2025',
      'autre',
    ])
    expect([
      formatRange({ first: '2024-T1', last: '2026-T3' }),
      formatRange({ first: '2024-01', last: '2026-09' }),
      formatRange({ first: '2024', last: '2026' }),
      formatRange({ first: '2025-T2', last: '2025-T2' }),
    ]).toEqual([
      'du 1er trimestre 2024 au 3e trimestre 2026',
      'de janvier 2024 à septembre 2026',
      'de 2024 à 2026',
      '2e trimestre 2025',
    ])
  })
})
