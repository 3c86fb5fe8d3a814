import { describe, expect, it } from 'vitest'
import { describeValue, echo, isPersonal } from './describe.ts'
import { escapeSegment, fieldName, segmentsOf, valueAt } from './pointer.ts'

describe('pointers', () => {
  it('names fields with dots and array indexes', () => {
    expect(fieldName('/training/plannedEnd')).toBe('training.plannedEnd')
    expect(fieldName('/funding/1/funder')).toBe('funding[1].funder')
    expect(fieldName('')).toBe('record')
  })

  it('escapes and unescapes segments (RFC 6901)', () => {
    expect(escapeSegment('a/b~c')).toBe('a~1b~0c')
    expect(segmentsOf('/a~1b~0c/0')).toEqual(['a/b~c', '0'])
  })

  it('reads the value at a pointer', () => {
    expect(valueAt({ a: [{ b: 2 }] }, '/a/0/b')).toBe(2)
    expect(valueAt({ a: 1 }, '/a/b')).toBeUndefined()
  })
})

describe('values in messages', () => {
  it('cuts long strings and names arrays and objects by kind', () => {
    expect(describeValue('x'.repeat(61))).toBe(`"${'x'.repeat(60)}…"`)
    expect(describeValue([1])).toBe('an array')
    expect(describeValue({})).toBe('an object')
    expect(describeValue(null)).toBe('null')
  })

  it('treats a person and its unlisted fields as personal', () => {
    expect(isPersonal('/trainee')).toBe(true)
    expect(isPersonal('/trainee/nir')).toBe(true)
    expect(isPersonal('/beneficiary/birthName')).toBe(true)
    expect(isPersonal('/trainee/somethingNew')).toBe(true)
    expect(isPersonal('/trainee/residenceCommune')).toBe(false)
    expect(isPersonal('/training/title')).toBe(false)
    expect(echo('/trainee/firstNames', 'Marie')).toBe('')
    expect(echo('/trainee/sex', 'X')).toBe(' "X"')
  })
})
