import { describe, expect, it } from 'vitest'
import { decimalInteger } from './query-params.ts'

describe('decimalInteger(text, min, max)', () => {
  it('reads decimal digits within the range, and nothing else that Number() would read', () => {
    const texts = [
      '1',
      '0042',
      '100000',
      '1e3',
      '0x10',
      ' 2',
      '2 ',
      '2.0',
      '+2',
      '-1',
      '',
      '0',
      '100001',
      '١',
    ]
    expect(texts.map((t) => [t, decimalInteger(t, 1, 100_000)])).toEqual([
      ['1', 1],
      ['0042', 42],
      ['100000', 100_000],
      ['1e3', undefined],
      ['0x10', undefined],
      [' 2', undefined],
      ['2 ', undefined],
      ['2.0', undefined],
      ['+2', undefined],
      ['-1', undefined],
      ['', undefined],
      ['0', undefined],
      ['100001', undefined],
      ['١', undefined],
    ])
  })
})
