/**
 * Accent- and case-insensitive matching done by the database itself, on both stores: PGlite has no
 * `unaccent` extension to rely on, and `upper()` folds only ASCII under the C locale (PGlite's), so
 * `upper('é')` stays `é` there. The text is first stripped of its accents by `translate()` with
 * the table below, then upper-cased, and the searched text is folded the same way in JavaScript.
 * @module
 */
import { type Expression, type RawBuilder, sql } from 'kysely'

// Every letter of Latin-1 and Latin Extended-A that decomposes into an ASCII letter and accents
// (é → e, Ç → C, ÿ → y), computed rather than typed so that none is forgotten.
const FROM: string[] = []
const TO: string[] = []
for (let code = 0xc0; code <= 0x17f; code++) {
  const letter = String.fromCharCode(code)
  const base = letter.normalize('NFD').replace(/\p{Diacritic}/gu, '')
  if (base !== letter && /^[A-Za-z]$/.test(base)) {
    FROM.push(letter)
    TO.push(base)
  }
}
const ACCENTED = FROM.join('')
const PLAIN = TO.join('')
const BASE = new Map(FROM.map((letter, i) => [letter, TO[i]!]))

// Ligatures do not decompose, and translate() maps one character to one: replaced in full.
const LIGATURES: readonly [string, string][] = [
  ['œ', 'oe'],
  ['Œ', 'OE'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
]

/**
 * `text` as {@link foldedSql} folds a column: accents removed, ligatures spelt out, upper case.
 * @example foldAccents('Île-de-France, Œuvres') // 'ILE-DE-FRANCE, OEUVRES'
 */
export function foldAccents(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) out += BASE.get(char) ?? char
  for (const [ligature, letters] of LIGATURES) out = out.replaceAll(ligature, letters)
  return out.toUpperCase()
}

/**
 * The SQL of `value` folded like {@link foldAccents}, to compare with a folded bound parameter. A
 * letter beyond Latin-1 and Latin Extended-A keeps its accents on both sides, and its case on a
 * C-locale store (PGlite): French names and titles hold none.
 * @example sql`${foldedSql(sql.ref('name'))} like ${`%${foldAccents(q)}%`}`
 */
export function foldedSql(value: Expression<string | null> | RawBuilder<unknown>): RawBuilder<string> {
  let text: RawBuilder<unknown> = sql`translate(${value}, ${ACCENTED}, ${PLAIN})`
  for (const [ligature, letters] of LIGATURES) text = sql`replace(${text}, ${ligature}, ${letters})`
  return sql<string>`upper(${text})`
}
