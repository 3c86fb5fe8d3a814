/**
 * JSON pointers (RFC 6901) for findings, and the dotted field names messages use
 * (`/funding/1/funder` → `funding[1].funder`).
 */

/** Escapes one property name as a pointer segment. */
export function escapeSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Splits a pointer into its unescaped segments (`''` → `[]`). */
export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The field name a message shows for a pointer; `record` for the whole record. */
export function fieldName(pointer: string): string {
  const segments = segmentsOf(pointer)
  if (segments.length === 0) return 'record'
  let name = ''
  for (const s of segments) {
    if (/^[0-9]+$/.test(s)) name += `[${s}]`
    else name += name === '' ? s : `.${s}`
  }
  return name
}

/** The value at `pointer` inside `root`, or `undefined` when there is none. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root
  for (const s of segmentsOf(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[s]
  }
  return node
}
