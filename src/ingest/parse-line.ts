import { finding } from './findings.ts'
import { type ValidationContext, type ValidationResult, validateRecord } from './validate/index.ts'

/**
 * One NDJSON line to a validation result: malformed JSON is a finding like any other, so that one
 * bad line never stops a file or a stream.
 */
export function parseLine(text: string, context: ValidationContext): ValidationResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable'
    return {
      ok: false,
      type: null,
      id: null,
      errors: [finding('', 'record/invalid-json', `the line is not valid JSON (${detail})`)],
    }
  }
  // A NUL can only reach a parsed value through the \u0000 escape: skip the walk when absent.
  return text.includes('\\u0000') ? validateRaw(raw, context) : checkedVersion(validateRecord(raw, context))
}

/**
 * Validates a parsed value. PostgreSQL text cannot hold the NUL character, so a record carrying one
 * is rejected here with a finding rather than failing in the database.
 */
export function validateRaw(raw: unknown, context: ValidationContext): ValidationResult {
  const nul = findNul(raw, '')
  if (nul !== null) {
    const record = raw as { type?: unknown; id?: unknown }
    return {
      ok: false,
      type: typeof record.type === 'string' ? record.type : null,
      id: typeof record.id === 'string' && !record.id.includes('\u0000') ? record.id : null,
      errors: [
        finding(
          nul,
          'record/nul-character',
          `${nul || 'a key'} contains the NUL character (U+0000), which text fields cannot hold`,
        ),
      ],
    }
  }
  return checkedVersion(validateRecord(raw, context))
}

function checkedVersion(result: ValidationResult): ValidationResult {
  // Versions are stored as 32-bit integers; a larger one is refused here rather than by the database.
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
          `version ${record.version} is above the largest version the hub stores (${MAX_VERSION})`,
        ),
      ],
    }
  }
  return result
}

const MAX_VERSION = 2_147_483_647

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}/${i}`)
      if (found !== null) return found
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return path
      const found = findNul(child, `${path}/${key}`)
      if (found !== null) return found
    }
  }
  return null
}
