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

/** Builds a finding; kept as a function so call sites read as one line. */
export function finding(path: string, code: string, message: string): Finding {
  return { path, code, message }
}
