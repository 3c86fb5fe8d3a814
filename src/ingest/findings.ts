import { maskNirs } from '../lib/nir-mask.ts'

/**
 * A problem found in partner input, as data: where (`path`, a JSON pointer into the record or
 * `line N` for files), a stable namespaced `code`, and a message that names the field, the value
 * (never a NIR) and the rule.
 */
export interface Finding {
  readonly path: string
  readonly code: string
  readonly message: string
}

/**
 * Builds a finding; kept as a function so call sites read as one line. A NIR typed where it does
 * not belong (a commune, an id, a property's name) is masked in the path and the message.
 */
export function finding(path: string, code: string, message: string): Finding {
  return { path: maskNirs(path), code, message: maskNirs(message) }
}

/**
 * The findings kept with a rejected record, as the import wrote them: jsonb keeps its own key
 * order, and some drivers give json as a string.
 */
export function storedFindings(value: unknown): Finding[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value
  if (!Array.isArray(parsed)) return []
  return parsed.map((e: { path?: unknown; code?: unknown; message?: unknown }) =>
    finding(String(e.path ?? ''), String(e.code ?? ''), String(e.message ?? '')),
  )
}
