/**
 * Accent- and case-insensitive matching done by the database itself, on both stores: PGlite has no
 * `unaccent` extension to rely on, and `upper()` depends on the locale: under the C locale
 * (PGlite's) it folds only ASCII, so `upper('é')` stays `é` there while a UTF-8 server gives `É`.
 * So no `upper()`: one `translate()` maps every accented Latin letter to its plain capital and
 * every ASCII lower-case letter to its capital, ligatures are spelt out, and the searched text is
 * folded the same way in JavaScript. Letters outside Latin (Greek, Cyrillic) are compared as they
 * are, case included, identically on both stores.
 * @module
 */
import { type Expression, type RawBuilder, sql } from 'kysely'

// Latin letters that carry a stroke or are otherwise not decomposed by Unicode into a base and
// accents (Michał, Đorđević, Øster…): mapped by hand.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'L',
  Ł: 'L',
  ø: 'O',
  Ø: 'O',
  đ: 'D',
  Đ: 'D',
  ð: 'D',
  Ð: 'D',
  ı: 'I',
  ħ: 'H',
  Ħ: 'H',
  ŧ: 'T',
  Ŧ: 'T',
  ŀ: 'L',
  Ŀ: 'L',
  ĸ: 'K',
  ŋ: 'N',
  Ŋ: 'N',
}

// Every letter of Latin-1 and Latin Extended-A that decomposes into an ASCII letter and accents
// (é → E, Ç → C, ÿ → Y), computed rather than typed so that none is forgotten; then those above,
// and the ASCII lower case.
const TABLE = new Map<string, string>()
for (let code = 0xc0; code <= 0x17f; code++) {
  const letter = String.fromCharCode(code)
  const base = letter.normalize('NFD').replace(/\p{Diacritic}/gu, '')
  if (base !== letter && /^[A-Za-z]$/.test(base)) TABLE.set(letter, base.toUpperCase())
}
for (const [letter, plain] of Object.entries(UNDECOMPOSED)) TABLE.set(letter, plain)
for (let code = 0x61; code <= 0x7a; code++)
  TABLE.set(String.fromCharCode(code), String.fromCharCode(code - 32))
const FROM = [...TABLE.keys()].join('')
const TO = [...TABLE.values()].join('')

// Ligatures and ß do not decompose, and translate() maps one character to one: replaced in full.
const LIGATURES: readonly [string, string][] = [
  ['œ', 'OE'],
  ['Œ', 'OE'],
  ['æ', 'AE'],
  ['Æ', 'AE'],
  ['ß', 'SS'],
  ['þ', 'TH'],
  ['Þ', 'TH'],
]

/**
 * `text` as {@link foldedSql} folds a column: accents removed, ligatures spelt out, Latin letters
 * in capitals.
 * @example foldAccents('Île-de-France, Œuvres, Michał') // 'ILE-DE-FRANCE, OEUVRES, MICHAL'
 */
export function foldAccents(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) out += TABLE.get(char) ?? char
  for (const [ligature, letters] of LIGATURES) out = out.replaceAll(ligature, letters)
  return out
}

/**
 * The SQL of `value` folded like {@link foldAccents}, to compare with a folded bound parameter:
 * the same on PGlite and on a PostgreSQL server, whatever its locale.
 * @example sql`${foldedSql(sql.ref('name'))} like ${`%${foldAccents(q)}%`}`
 */
export function foldedSql(value: Expression<string | null> | RawBuilder<unknown>): RawBuilder<string> {
  let text: RawBuilder<unknown> = sql`translate(${value}, ${FROM}, ${TO})`
  for (const [ligature, letters] of LIGATURES) text = sql`replace(${text}, ${ligature}, ${letters})`
  return sql<string>`${text}`
}
