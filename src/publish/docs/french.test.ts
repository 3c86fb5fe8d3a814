import { describe, expect, it } from 'vitest'
import {
  formatChange,
  formatDate,
  formatNumber,
  formatPercent,
  formatShare,
  frenchSpaces,
  joinFrench,
  NBSP,
  NNBSP,
  plural,
} from './french.ts'

// Readable expectations: `~` stands for a no-break space, `^` for a narrow one.
const typed = (text: string) => text.replaceAll('~', NBSP).replaceAll('^', NNBSP)

describe('French formatting', () => {
  it('groups thousands with narrow no-break spaces, uses a decimal comma and a true minus', () => {
    expect([1234567, 999, 0, -2500, 0.5].map((n) => formatNumber(n, n === 0.5 ? 1 : 0))).toEqual(
      ['1^234^567', '999', '0', '−2^500', '0,5'].map(typed),
    )
    expect(formatNumber(-0.01, 1)).toBe('0,0')
  })

  it('prints shares to 0.1 point, and a positive share that rounds to zero as below 0,1 %', () => {
    expect([0, 0.00049, 0.1234, 1].map(formatShare)).toEqual(
      ['0^%', '<^0,1^%', '12,3^%', '100,0^%'].map(typed),
    )
    expect([formatChange(200, 230), formatChange(200, 190)]).toEqual(['+15,0^%', '−5,0^%'].map(typed))
  })

  it('prints a withheld percent as such, and a zero percent of something suppressed as below 1 %', () => {
    expect([
      formatPercent(null, true),
      formatPercent(0, true),
      formatPercent(0, false),
      formatPercent(7, true),
    ]).toEqual(['non diffusé', '<^1^%', '0^%', '7^%'].map(typed))
  })

  it('writes dates in words, the first of the month as 1er, and leaves other text alone', () => {
    expect(['2026-11-30', '2026-03-01T00:00:00Z', 'demain'].map(formatDate)).toEqual([
      '30 novembre 2026',
      '1er mars 2026',
      'demain',
    ])
  })

  it('joins lists with et and agrees nouns with counts (0 and 1 are singular)', () => {
    expect([joinFrench([]), joinFrench(['a']), joinFrench(['a', 'b']), joinFrench(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a et b',
      'a, b et c',
    ])
    expect([plural(0, 'ligne'), plural(1, 'ligne'), plural(2000, 'ligne')]).toEqual(
      ['0 ligne', '1 ligne', '2^000 lignes'].map(typed),
    )
  })

  it('puts no-break spaces before : ; ! ? % and inside guillemets, but not in code spans', () => {
    expect(frenchSpaces('Note : « oui » ; 10 % ? `a : b` fin !')).toBe(
      typed('Note~: «~oui~»^; 10^%^? `a : b` fin^!'),
    )
    expect(frenchSpaces('https://example.org/a:b')).toBe('https://example.org/a:b')
  })

  it('leaves fenced code blocks and the delimiter rows of tables alone', () => {
    const markdown = [
      '| a | b |',
      '| :--- | ---: |',
      '| x : y | 1 % |',
      '```sql',
      'select 1 ; -- a : b',
      '```',
      'fin ;',
    ].join('\n')
    expect(frenchSpaces(markdown)).toBe(
      typed(
        [
          '| a | b |',
          '| :--- | ---: |',
          '| x~: y | 1^% |',
          '```sql',
          'select 1 ; -- a : b',
          '```',
          'fin^;',
        ].join('\n'),
      ),
    )
  })
})
