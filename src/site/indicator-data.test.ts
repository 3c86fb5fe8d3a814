import { describe, expect, it } from 'vitest'
import { indicatorData, referenceYear } from './indicator-data.ts'
import { INDICATORS } from './indicators.ts'
import { fakeDataset, fakePublished, fakeResource } from './site.fixture.ts'

const row = (status: string, value: number | null) => ({ taux: value, taux_statut: status })

describe('referenceYear', () => {
  const trend = new Map([
    ['2023', row('V', 0.6)],
    ['2024', row('V', 0.62)],
    ['2025', row('A', null)],
    ['2026', row('V', 0.7)],
  ])

  it('takes the last full year before the data date with a published national value', () => {
    expect(referenceYear(trend, 'taux', '2026-09-30')).toBe('2024')
  })

  it('counts the data year as full when the data date is 31 December', () => {
    expect(referenceYear(trend, 'taux', '2026-12-31')).toBe('2026')
  })

  it('falls back to the last published year when no earlier year is', () => {
    expect(referenceYear(new Map([['2026', row('V', 0.7)]]), 'taux', '2026-09-30')).toBe('2026')
  })

  it('still gives a year when every national value is secret (the page shows its secret cells)', () => {
    const secret = new Map([
      ['2024', row('A', null)],
      ['2025', row('A', null)],
      ['2026', row('A', null)],
    ])
    expect(referenceYear(secret, 'taux', '2026-09-30')).toBe('2025')
    expect(referenceYear(new Map(), 'taux', '2026-09-30')).toBeUndefined()
  })
})

describe('indicatorData', () => {
  const yearly = fakeResource('annuel', ['periode', 'territoire'], ['taux'])
  const monthly = fakeResource('mensuel', ['periode'], ['taux'])
  const rows = (codes: string[]) =>
    codes.map((periode) => ({ periode, territoire: '_T', taux: 0.5, taux_statut: 'V' }))
  const indicator = { ...INDICATORS[1]!, measure: 'taux', prefer: [] }

  it('draws the trend from a table of years only, even when one with months has fewer dimensions', async () => {
    const site = fakePublished([fakeDataset('a', [monthly, yearly])], {
      mensuel: rows(['_T', '2025', '2025-T1', '2025-01']).map(({ territoire: _, ...r }) => r),
      annuel: rows(['_T', '2024', '2025']),
    })
    const data = await indicatorData(site, indicator)
    expect([data?.trend.ref.resource.name, [...(data?.trend.rows.keys() ?? [])], data?.year]).toEqual([
      'annuel',
      ['2024', '2025'],
      '2025',
    ])
  })

  it('has no page when no table has the measure by year', async () => {
    const site = fakePublished([fakeDataset('a', [fakeResource('x', ['dispositif'], ['taux'])])])
    expect(await indicatorData(site, indicator)).toBeUndefined()
  })
})
