import { describe, expect, it } from 'vitest'
import { quote } from './quote.ts'

describe('quote', () => {
  it('quotes as JSON, cut to 40 characters', () => {
    expect([quote('abc'), quote(''), quote(0), quote(undefined), quote('x'.repeat(60))]).toEqual([
      '"abc"',
      '""',
      '0',
      'undefined',
      `"${'x'.repeat(38)}…`,
    ])
  })
})
