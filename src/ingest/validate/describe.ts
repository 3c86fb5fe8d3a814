import { segmentsOf } from './pointer.ts'

/**
 * How values appear in messages. Messages echo the bad value (STYLE.md §3), except personal data:
 * a NIR, names and a date of birth never leave the nominative store (spec/README.md, "NIR").
 */

/** Person fields whose values may be echoed; every other field of a person is personal. */
const PUBLIC_PERSON_FIELDS = new Set(['sex', 'residenceCommune', 'qpv', 'educationLevel', 'disability'])
const PERSON_KEYS = new Set(['trainee', 'beneficiary'])
/** Long strings are cut so one message stays one readable line. */
const MAX_ECHO = 60

/**
 * True when the value at `pointer` must not appear in a message: the person object itself and any
 * person field not known to be public (so an unexpected property of a person is not echoed either).
 */
export function isPersonal(pointer: string): boolean {
  const [first, second] = segmentsOf(pointer)
  if (first === undefined || !PERSON_KEYS.has(first)) return false
  return second === undefined || !PUBLIC_PERSON_FIELDS.has(second)
}

/** A short rendering of a JSON value: strings quoted and cut, arrays and objects by kind only. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value
    return JSON.stringify(cut)
  }
  if (Array.isArray(value)) return 'an array'
  if (value === undefined) return 'nothing'
  if (typeof value === 'object' && value !== null) return 'an object'
  return String(value)
}

/** `' <value>'` to put after a field name, or `''` when the field is personal. */
export function echo(pointer: string, value: unknown): string {
  return isPersonal(pointer) ? '' : ` ${describeValue(value)}`
}
