import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.ts'

describe('toCsv', () => {
  it('writes a header, one line per record ended by \\n, null as an empty field and 0 as 0', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          ['x', 0, null],
          ['y', 0.5, 'V'],
        ],
      ),
    ).toBe('a,b,c\nx,0,\ny,0.5,V\n')
  })

  it('quotes fields holding a comma, a quote or a line break (RFC 4180)', () => {
    expect(toCsv(['label'], [['Ain, Rhône'], ['dit "X"'], ['a\nb']])).toBe(
      'label\n"Ain, Rhône"\n"dit ""X"""\n"a\nb"\n',
    )
  })
})
