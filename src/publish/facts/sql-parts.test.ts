import { describe, expect, it } from 'vitest'
import { asOfLiteral } from './sql-parts.ts'

describe('asOfLiteral', () => {
  it('inlines a calendar date and refuses anything else', () => {
    expect(asOfLiteral('2024-02-29')).toBe("date '2024-02-29'")
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', "2024-01-01' or '1", ''])
      expect(() => asOfLiteral(bad)).toThrow(
        `invalid asOf: ${JSON.stringify(bad)} (expected a YYYY-MM-DD date)`,
      )
  })
})
