import { describe, expect, it } from 'vitest'
import { characterCount, notPlainText, shownCell, shownValue } from './plain-text.ts'

describe('notPlainText', () => {
  it('finds what would forge or hide a line: controls, DEL, C1, line separators, bidi controls and marks, invisible characters, U+FFFD', () => {
    const found = (text: string) => notPlainText(text)
    expect({
      plain: found('Région Provence-Alpes-Côte d’Azur — 🚀'),
      newline: found('Acme\nR11  REGION'),
      carriageReturn: found('Acme\r'),
      tab: found('A\tB'),
      bell: found('Acme\u0007'),
      nul: found('\u0000'),
      unitSeparator: found('a\u001Fb'),
      del: found('a\u007F'),
      c1: found('a\u0085b'),
      c1Last: found('a\u009Fb'),
      lineSeparator: found('a\u2028b'),
      paragraphSeparator: found('a\u2029b'),
      rightToLeftOverride: found('a\u202Eb'),
      replacement: found('R\uFFFDgion'),
      afterAnEmoji: found('🚀\n'),
      zeroWidthSpace: found('Région\u200BBretagne'),
      rightToLeftMark: found('a\u200Fb'),
      arabicLetterMark: found('a\u061Cb'),
      wordJoiner: found('a\u2060b'),
      byteOrderMark: found('\uFEFFAcme'),
    }).toEqual({
      plain: null,
      newline: 'it holds a line break (U+000A) at character 5',
      carriageReturn: 'it holds a line break (U+000D) at character 5',
      tab: 'it holds a tab (U+0009) at character 2',
      bell: 'it holds a control character (U+0007) at character 5',
      nul: 'it holds a control character (U+0000) at character 1',
      unitSeparator: 'it holds a control character (U+001F) at character 2',
      del: 'it holds a control character (U+007F) at character 2',
      c1: 'it holds a line break (U+0085) at character 2',
      c1Last: 'it holds a control character (U+009F) at character 2',
      lineSeparator: 'it holds a line break (U+2028) at character 2',
      paragraphSeparator: 'it holds a line break (U+2029) at character 2',
      rightToLeftOverride: 'it holds a bidirectional control (U+202E) at character 2',
      replacement: 'it holds the replacement character (text that was not UTF-8) (U+FFFD) at character 2',
      afterAnEmoji: 'it holds a line break (U+000A) at character 2',
      zeroWidthSpace: 'it holds an invisible character (U+200B) at character 7',
      rightToLeftMark: 'it holds a bidirectional control (U+200F) at character 2',
      arabicLetterMark: 'it holds a bidirectional control (U+061C) at character 2',
      wordJoiner: 'it holds an invisible character (U+2060) at character 2',
      byteOrderMark: 'it holds an invisible character (U+FEFF) at character 1',
    })
  })
})

describe('shownValue', () => {
  it('escapes what a terminal would act on, JSON’s escapes and those JSON leaves raw, and cuts a long value', () => {
    expect([
      shownValue('Acme\nforged'),
      shownValue('a\u0007\u0085\u2028\u202Eb'),
      shownValue('é'.repeat(70)),
      characterCount('🚀é'),
    ]).toEqual([
      '"Acme\\nforged"',
      '"a\\u0007\\u0085\\u2028\\u202eb"',
      `"${'é'.repeat(60)}"… (70 characters)`,
      2,
    ])
  })
})

describe('shownCell', () => {
  it('leaves plain text as it is and escapes any other, so that a stored value forges no row', () => {
    expect([shownCell('Région Bretagne', 200), shownCell('Acme\nR11  REGION', 200)]).toEqual([
      'Région Bretagne',
      '"Acme\\nR11  REGION"',
    ])
  })
})
