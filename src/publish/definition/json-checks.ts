/**
 * Reading untrusted JSON values field by field: each helper returns the typed value or
 * `undefined`, and pushes an issue naming the field, the value and the rule when it cannot.
 * @module
 */
import { type DefinitionIssue, issue, type Location } from './definition-issue.ts'

/** Issues are collected, never thrown: one pass reports every problem of a file. */
export type Issues = DefinitionIssue[]

/** The value as JSON, cut short, for messages. */
export function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** The last pointer token: the field a message is about. */
export function fieldOf(location: Location): string {
  const tokens = location.pointer
  const last = tokens[tokens.length - 1]
  if (typeof last === 'number') return `${String(tokens[tokens.length - 2] ?? '')}[${last}]`
  return last ?? 'document'
}

function wrongType(location: Location, issues: Issues, expected: string, value: unknown): undefined {
  issues.push(
    issue(
      location,
      'definition/wrong-type',
      `${fieldOf(location)}: expected ${expected}, got ${show(value)}`,
    ),
  )
  return undefined
}

/** A plain JSON object. */
export function asObject(
  value: unknown,
  location: Location,
  issues: Issues,
): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>
  return wrongType(location, issues, 'an object', value)
}

/**
 * Checks the keys of an object: every key must be allowed, every required key present.
 * Returns false when a required key is missing.
 */
export function checkFields(
  object: Record<string, unknown>,
  location: Location,
  issues: Issues,
  allowed: readonly string[],
  required: readonly string[],
): boolean {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      issues.push(
        issue(
          { file: location.file, pointer: [...location.pointer, key] },
          'definition/unknown-field',
          `unknown field ${key} (allowed: ${allowed.join(', ')})`,
        ),
      )
    }
  }
  let complete = true
  for (const key of required) {
    if (object[key] === undefined) {
      complete = false
      issues.push(
        issue(
          { file: location.file, pointer: [...location.pointer, key] },
          'definition/missing-field',
          `missing field ${key}`,
        ),
      )
    }
  }
  return complete
}

/** A string with some non-blank character. */
export function asText(value: unknown, location: Location, issues: Issues): string | undefined {
  if (typeof value !== 'string') return wrongType(location, issues, 'a string', value)
  if (value.trim() === '') {
    issues.push(issue(location, 'definition/empty-field', `${fieldOf(location)}: must not be empty`))
    return undefined
  }
  return value
}

/** A non-empty array; `item` reads each element (undefined elements are dropped, their issues kept). */
export function asList<T>(
  value: unknown,
  location: Location,
  issues: Issues,
  item: (value: unknown, location: Location) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value)) return wrongType(location, issues, 'an array', value)
  if (value.length === 0) {
    issues.push(issue(location, 'definition/empty-field', `${fieldOf(location)}: must not be empty`))
    return undefined
  }
  const items: T[] = []
  value.forEach((element, i) => {
    const read = item(element, { file: location.file, pointer: [...location.pointer, i] })
    if (read !== undefined) items.push(read)
  })
  return items
}

/** A finite number. */
export function asNumber(value: unknown, location: Location, issues: Issues): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  return wrongType(location, issues, 'a number', value)
}

/** Reports values given twice in a list (`key` names an item), at each repetition. */
export function checkUnique<T>(
  items: readonly { value: T; location: Location }[],
  key: (value: T) => string,
  what: string,
  issues: Issues,
): void {
  const seen = new Set<string>()
  for (const { value, location } of items) {
    const k = key(value)
    if (seen.has(k)) issues.push(issue(location, 'definition/duplicate', `duplicate ${what}: ${k}`))
    seen.add(k)
  }
}
