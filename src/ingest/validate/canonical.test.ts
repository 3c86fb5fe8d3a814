import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from './canonical.ts'
import { baseDossier } from './test-fixtures.ts'

/** The same object with its keys in reverse order at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  )
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: [2, 1, { z: 1, a: 2 }], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[2,1,{"a":2,"z":1}]}',
    )
  })

  it('writes primitives as JSON.stringify does', () => {
    expect(canonicalJson([1.5, 1e21, -0, 'é"\n', true, null])).toBe(
      JSON.stringify([1.5, 1e21, -0, 'é"\n', true, null]),
    )
  })

  it('escapes keys and sorts them by code units', () => {
    expect(canonicalJson({ é: 1, 'a"b': 2, B: 3, a: 4 })).toBe('{"B":3,"a":4,"a\\"b":2,"é":1}')
  })

  it('leaves out undefined properties and writes undefined items as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}')
  })

  it('is parseable JSON equal to the input', () => {
    const raw = baseDossier()
    expect(JSON.parse(canonicalJson(raw))).toEqual(raw)
  })
})

describe('contentHash', () => {
  it('is the sha256 hex of the canonical JSON', () => {
    const raw = baseDossier()
    expect(contentHash(raw)).toBe(createHash('sha256').update(canonicalJson(raw)).digest('hex'))
    expect(contentHash(raw)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('does not depend on key order', () => {
    const raw = baseDossier()
    expect(contentHash(reversedKeys(raw))).toBe(contentHash(raw))
    expect(canonicalJson(reversedKeys(raw))).toBe(canonicalJson(raw))
  })

  it('depends on array order and on every value', () => {
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }))
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: '1' }))
    expect(contentHash({ a: null })).not.toBe(contentHash({}))
  })
})
