/**
 * One-line text the operator gives the hub (a partner's name, an e-mail): what in it would forge or
 * hide a line where it is shown again (`partners list`'s table, a TSV log, a page), and how to
 * show it in a message without doing the same.
 * @module
 */

/**
 * C0 and C1 controls (tab, newline, carriage return, bell, escape…), DEL, the Unicode line and
 * paragraph separators, the bidirectional embeddings, overrides, isolates and marks (they reorder
 * what a terminal shows after them), the invisible characters (zero-width space, joiners, word
 * joiner, BOM: a name holding one looks like another) and U+FFFD, the mark of text decoded from
 * bytes that were not UTF-8.
 */
function notPlain(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfffd
  )
}

/** `U+000A` for `'\n'`. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

function kind(character: string): string {
  if ('\n\r\u0085\u2028\u2029\u000B\u000C'.includes(character)) return 'a line break'
  if (character === '\t') return 'a tab'
  if (character === '\uFFFD') return 'the replacement character (text that was not UTF-8)'
  if (
    '\u061C\u200E\u200F'.includes(character) ||
    (character >= '\u202A' && character <= '\u202E') ||
    (character >= '\u2066' && character <= '\u2069')
  )
    return 'a bidirectional control'
  if (character >= '\u200B') return 'an invisible character'
  return 'a control character'
}

/**
 * What makes `text` other than one line of plain text (`it holds a line break (U+000A) at
 * character 5`), or null when it is.
 *
 * @example
 * notPlainText('Acme\nR11  REGION') // 'it holds a line break (U+000A) at character 5'
 */
export function notPlainText(text: string): string | null {
  let at = 0
  for (const character of text) {
    at++
    if (notPlain(character.codePointAt(0)!))
      return `it holds ${kind(character)} (${codePoint(character)}) at character ${at}`
  }
  return null
}

/** The length of `text` in characters (code points, as the rules say them), not UTF-16 units. */
export function characterCount(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/**
 * `text` as a message quotes it: escaped as a JSON string, with the characters JSON leaves as they
 * are but a terminal acts on (U+007F–U+009F, U+2028, bidirectional controls) escaped too; past
 * `max` characters, its first `max` and its length.
 *
 * @example
 * shownValue('Acme\nforged') // '"Acme\\nforged"'
 */
export function shownValue(text: string, max = 60): string {
  const characters = [...text]
  const head = characters.length > max ? characters.slice(0, max).join('') : text
  let escaped = ''
  for (const character of JSON.stringify(head))
    escaped += notPlain(character.codePointAt(0)!)
      ? `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`
      : character
  return characters.length > max ? `${escaped}… (${characters.length} characters)` : escaped
}

/**
 * `text` as a table's cell shows it: as it is when it is plain text, else escaped (shownValue) so
 * that a value stored before such text was refused forges no row.
 *
 * @example
 * shownCell('Acme') // 'Acme'
 * shownCell('Acme\nR11') // '"Acme\\nR11"'
 */
export function shownCell(text: string, max: number): string {
  return notPlainText(text) === null ? text : shownValue(text, max)
}
