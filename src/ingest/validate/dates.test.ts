import { describe, expect, it } from 'vitest'
import { addYears, ageAt, toUtcInstant } from './dates.ts'

describe('addYears', () => {
  it('moves the year and keeps the day', () => {
    expect(addYears('2026-11-28', 2)).toBe('2028-11-28')
    expect(addYears('2024-02-29', 2)).toBe('2026-02-29')
  })
})

describe('ageAt', () => {
  it('counts a birthday as reached on its day', () => {
    expect(ageAt('2010-01-08', '2024-01-08')).toBe(14)
    expect(ageAt('2010-01-09', '2024-01-08')).toBe(13)
  })

  it('reaches the age of someone born on 29 February on 1 March of common years', () => {
    expect(ageAt('2008-02-29', '2022-02-28')).toBe(13)
    expect(ageAt('2008-02-29', '2022-03-01')).toBe(14)
  })
})

describe('toUtcInstant', () => {
  it.each([
    ['2024-03-01T10:00:00+01:00', '2024-03-01T09:00:00.000Z'],
    ['2024-03-01T10:00:00Z', '2024-03-01T10:00:00.000Z'],
    ['2024-03-01t10:00:00z', '2024-03-01T10:00:00.000Z'],
    ['2024-03-01T10:00:00-00:30', '2024-03-01T10:30:00.000Z'],
    ['2024-03-01T00:30:00+01:00', '2024-02-29T23:30:00.000Z'],
    ['2024-03-01T10:00:00.123456789+01:00', '2024-03-01T09:00:00.123Z'],
    ['2016-12-31T23:59:60Z', '2017-01-01T00:00:00.000Z'],
    ['1900-01-01T00:00:00+01:00', '1899-12-31T23:00:00.000Z'],
  ])('reads %s as %s', (value, instant) => {
    expect(toUtcInstant(value)).toBe(instant)
    if (!value.includes(':60') && !value.endsWith('+0100') && !value.endsWith('+01')) {
      expect(toUtcInstant(value)).toBe(new Date(value).toISOString())
    }
  })

  it('returns null for what is not an RFC 3339 date-time with an offset', () => {
    expect(toUtcInstant('2024-03-01')).toBeNull()
    expect(toUtcInstant('yesterday')).toBeNull()
    expect(toUtcInstant('2024-03-01T10:00:00')).toBeNull()
    expect(toUtcInstant('2024-03-01T10:00:00+0100')).toBeNull()
    expect(toUtcInstant('2024-03-01T10:00:00+01')).toBeNull()
    expect(toUtcInstant('2024-03-01 10:00:00Z')).toBeNull()
  })
})
