import { MAX_LINE_BYTES, NOT_UTF8_LINE, TOO_LONG_LINE } from '../lib/lines.ts'
import { type Finding, finding } from './findings.ts'
import { type ValidationContext, type ValidationResult, validateRecord } from './validate/index.ts'

/**
 * One NDJSON line to a validation result: malformed JSON is a finding like any other, so that one
 * bad line never stops a file or a stream.
 */
export function parseLine(text: string, context: ValidationContext): ValidationResult {
  if (text === TOO_LONG_LINE) return { ok: false, type: null, id: null, errors: [tooLong()] }
  if (text.startsWith(NOT_UTF8_LINE)) {
    const why = text.slice(NOT_UTF8_LINE.length)
    return { ok: false, type: null, id: null, errors: [finding('', 'record/invalid-utf8', why)] }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { ok: false, type: null, id: null, errors: [invalidJson(error, 'the line')] }
  }
  // Text PostgreSQL cannot store (NUL, lone surrogates) can only come through a \u escape:
  // the walk over every string is skipped for lines without one.
  return text.includes('\\u') ? validateRaw(raw, context) : checkedVersion(validateRecord(raw, context))
}

/** A line the reader did not keep, being longer than any record (`MAX_LINE_BYTES`). */
function tooLong(): Finding {
  return finding(
    '',
    'record/too-long',
    `the line is longer than ${MAX_LINE_BYTES.toLocaleString('en-US')} bytes, far more than any record: it was not read`,
  )
}

/**
 * A JSON syntax error as a finding. V8's messages quote the text around the error, which may be a
 * NIR or a name: only the kind of error and its position are kept.
 */
export function invalidJson(error: unknown, what: string): Finding {
  return finding('', 'record/invalid-json', `${what} is not valid JSON (${safeSyntaxDetail(error)})`)
}

/**
 * A JSON.parse error message without the input it quotes: V8 quotes the text around the error
 * (`Unexpected token 'x', "{"nir":"28…" is not valid JSON`), dropped with any other double-quoted
 * part. What is left names the rule (`Expected ',' or '}' after property value`) and
 * the position; single quotes hold one character or fixed punctuation.
 */
export function safeSyntaxDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  // `…, "<text>" is not valid JSON` or, for a long line, `…, ..."<text>"... is not valid JSON`.
  const quoting = /^(.*?),\s*(?:\.\.\.|")[\s\S]*is not valid JSON\s*$/.exec(message)
  const text = (quoting ? quoting[1]! : message)
    .replace(/"[^"]*"/g, '…')
    .replace(/token '[^']{2,}'/, 'token')
    .replace(' in JSON at position', ' at position')
    .trim()
  return text === '' ? 'unreadable' : text
}

/**
 * Validates a parsed value. PostgreSQL text cannot hold the NUL character nor an unpaired UTF-16
 * surrogate, so a record carrying one is rejected here with a finding rather than failing in the
 * database (which would roll back the whole batch).
 */
export function validateRaw(raw: unknown, context: ValidationContext): ValidationResult {
  const bad = findUnstorable(raw, '')
  if (bad !== null) {
    const record = raw as { type?: unknown; id?: unknown }
    return {
      ok: false,
      type: typeof record.type === 'string' && storable(record.type) ? record.type : null,
      id: typeof record.id === 'string' && storable(record.id) ? record.id : null,
      errors: [
        finding(
          bad.path,
          bad.code,
          bad.code === 'record/too-deep'
            ? `${bad.path} nests values more than ${MAX_DEPTH} levels deep, far more than any record: it was not read further`
            : bad.code === 'record/nul-character'
              ? `${bad.path || 'a key'} contains the NUL character (U+0000), which text fields cannot hold`
              : `${bad.path || 'a key'} contains an unpaired UTF-16 surrogate (an escape such as \\ud800 without its pair), which is not text`,
        ),
      ],
    }
  }
  return checkedVersion(validateRecord(raw, context))
}

/**
 * JavaScript compares integers exactly only up to 2^53 − 1: a larger version could not be told
 * from its neighbours, so it is refused rather than silently rounded.
 */
export const MAX_VERSION = Number.MAX_SAFE_INTEGER

function checkedVersion(result: ValidationResult): ValidationResult {
  if (result.ok && result.valid.record.version > MAX_VERSION) {
    const { record } = result.valid
    return {
      ok: false,
      type: record.type,
      id: record.id,
      errors: [
        finding(
          '/version',
          'record/maximum',
          `version ${record.version} is above the largest exact integer ${MAX_VERSION} (versions are compared exactly)`,
        ),
      ],
    }
  }
  return result
}

function storable(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed()
}

function problemOf(text: string): 'record/nul-character' | 'record/invalid-unicode' | null {
  if (text.includes('\u0000')) return 'record/nul-character'
  return text.isWellFormed() ? null : 'record/invalid-unicode'
}

// A record of the spec nests 4 levels at most (training > certification > …). A value nested tens of
// thousands of levels deep (a 100 KB body of `[[[[…`) overflowed the stack of every recursive walk
// below and answered 500: it is refused at this depth, before any of them.
const MAX_DEPTH = 32

function findUnstorable(value: unknown, path: string, depth = 0): { path: string; code: string } | null {
  if (depth > MAX_DEPTH && value !== null && typeof value === 'object')
    return { path, code: 'record/too-deep' }
  if (typeof value === 'string') {
    const code = problemOf(value)
    return code ? { path, code } : null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}/${i}`, depth + 1)
      if (found !== null) return found
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const code = problemOf(key)
      if (code) return { path, code }
      const found = findUnstorable(child, `${path}/${key}`, depth + 1)
      if (found !== null) return found
    }
  }
  return null
}
