import { createHash } from 'node:crypto'

/**
 * Canonical JSON: the same text for the same JSON value whatever the order of its keys, so that a
 * retried record is recognised as `unchanged` (spec/README.md, "Versions": "same content").
 */

/**
 * The canonical JSON text of a JSON value: object keys sorted (by UTF-16 code units, as
 * `Array.prototype.sort` does) at every depth, arrays kept in order, no whitespace, primitives
 * as `JSON.stringify` writes them. Properties whose value is `undefined` are left out, as in JSON.
 * @example
 * canonicalJson({ b: [2, 1], a: { d: null, c: 'x' } }) // '{"a":{"c":"x","d":null},"b":[2,1]}'
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let text = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ','
      // Like JSON.stringify, a hole or an undefined item is written as null.
      text += value[i] === undefined ? 'null' : canonicalJson(value[i])
    }
    return `${text}]`
  }
  const object = value as Record<string, unknown>
  const keys = Object.keys(object)
  keys.sort(byCodeUnits)
  let text = '{'
  for (const key of keys) {
    const item = object[key]
    if (item === undefined) continue
    if (text.length > 1) text += ','
    text += quotedKey(key)
    text += ':'
    text += canonicalJson(item)
  }
  return `${text}}`
}

/**
 * Quoted keys, remembered: records share a small vocabulary of keys, and quoting them again for
 * every record was a quarter of the hashing time. Bounded so odd input cannot grow it without end.
 */
const quotedKeys = new Map<string, string>()
const MAX_QUOTED_KEYS = 2048

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key)
  if (quoted === undefined) {
    quoted = JSON.stringify(key)
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted)
  }
  return quoted
}

/** Key order of the canonical form; an explicit comparator is faster than the default sort's. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * sha256 (lowercase hex) of the canonical JSON of a value: the record's content identity.
 * @example
 * contentHash({ a: 1, b: 2 }) === contentHash({ b: 2, a: 1 }) // true
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex')
}
