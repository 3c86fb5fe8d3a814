import type { ErrorObject } from 'ajv/dist/2020.js'
import { type Finding, finding } from '../findings.ts'
import { describeValue, echo } from './describe.ts'
import { escapeSegment, fieldName, valueAt } from './pointer.ts'

/**
 * Turns Ajv errors into findings with stable codes and messages that name the field, the value
 * (unless personal, see describe.ts) and the rule.
 */

/** Ajv keyword → finding code; anything else falls back to `record/schema`. */
const CODES: Readonly<Record<string, string>> = {
  required: 'record/required',
  type: 'record/type',
  pattern: 'record/pattern',
  enum: 'record/enum',
  const: 'record/const',
  format: 'record/format',
  additionalProperties: 'record/additional-property',
  maxLength: 'record/too-long',
  minLength: 'record/too-short',
  minimum: 'record/minimum',
  exclusiveMinimum: 'record/minimum',
  maximum: 'record/maximum',
  exclusiveMaximum: 'record/maximum',
  maxItems: 'record/too-many-items',
  minItems: 'record/too-few-items',
}

const FORMATS: Readonly<Record<string, string>> = {
  date: 'a valid date (YYYY-MM-DD)',
  'date-time': 'a valid date-time (RFC 3339 with an offset, e.g. 2024-03-01T10:00:00+01:00)',
}

type Params = Record<string, unknown>

/** The pointer a finding names: the missing or extra property itself rather than its parent. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Params
  if (error.keyword === 'required')
    return `${error.instancePath}/${escapeSegment(String(params.missingProperty))}`
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${escapeSegment(String(params.additionalProperty))}`
  }
  return error.instancePath
}

function isNir(pointer: string): boolean {
  return pointer === '/trainee/nir' || pointer === '/beneficiary/nir'
}

function listOf(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => describeValue(v)).join(', ') : describeValue(values)
}

/** `["object", "null"]` (or Ajv's `"object,null"`) → `an object or null`. */
function typeNames(type: unknown): string {
  const names = Array.isArray(type) ? type.map(String) : String(type).split(',')
  return names.map((t) => (t === 'null' ? 'null' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)).join(' or ')
}

function plural(n: unknown, unit: string): string {
  return `${String(n)} ${unit}${n === 1 ? '' : 's'}`
}

/** The "what is wrong" part of a message, after the field and its value. */
function ruleText(error: ErrorObject, value: unknown): string {
  const p = error.params as Params
  switch (error.keyword) {
    case 'required':
      return 'is required'
    case 'type':
      return `must be ${typeNames(p.type)}`
    case 'pattern':
      return `does not match the pattern ${String(p.pattern)}`
    case 'enum':
      return `is not one of ${listOf(p.allowedValues)}`
    case 'const':
      return `must be ${describeValue(p.allowedValue)}`
    case 'format':
      return `is not ${FORMATS[String(p.format)] ?? `in the format ${String(p.format)}`}`
    case 'additionalProperties':
      return 'is not an allowed property'
    case 'maxLength':
      return `is too long (at most ${plural(p.limit, 'character')})`
    case 'minLength':
      return `is too short (at least ${plural(p.limit, 'character')})`
    case 'minimum':
      return `is too small (must be at least ${String(p.limit)})`
    case 'exclusiveMinimum':
      return `is too small (must be greater than ${String(p.limit)})`
    case 'maximum':
      return `is too large (must be at most ${String(p.limit)})`
    case 'exclusiveMaximum':
      return `is too large (must be less than ${String(p.limit)})`
    case 'maxItems':
      return `has ${plural(Array.isArray(value) ? value.length : '?', 'item')} (at most ${String(p.limit)})`
    case 'minItems':
      return `has ${plural(Array.isArray(value) ? value.length : '?', 'item')} (at least ${String(p.limit)})`
    default:
      return `does not satisfy the schema keyword "${error.keyword}"`
  }
}

/** True when the message shows no value: absent or extra properties, and item counts. */
function showsNoValue(keyword: string): boolean {
  return ['required', 'additionalProperties', 'maxItems', 'minItems'].includes(keyword)
}

/**
 * One schema error as a finding.
 * @example
 * // { path: '/training/plannedStart', code: 'record/format',
 * //   message: 'training.plannedStart "2024-02-30" is not a valid date (YYYY-MM-DD)' }
 */
export function findingOfSchemaError(error: ErrorObject, raw: unknown): Finding {
  const path = pointerOf(error)
  const code = CODES[error.keyword] ?? 'record/schema'
  const field = fieldName(path)
  // The NIR format is named, never shown: a wrong NIR is still a NIR (spec/README.md, "NIR").
  if (error.keyword === 'pattern' && isNir(path)) {
    return finding(path, code, `${field} does not match the NIR format (13 characters, or 15 with the key)`)
  }
  const value = valueAt(raw, path)
  const shown = showsNoValue(error.keyword) ? '' : echo(path, value)
  return finding(path, code, `${field}${shown} ${ruleText(error, value)}`)
}
