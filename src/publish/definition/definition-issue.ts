/**
 * Findings of the definition checker: where (file and JSON pointer), a stable code, and a terse
 * message naming the value and the rule.
 * @module
 */

/** Stable codes of every definition finding. */
export type DefinitionIssueCode =
  | 'definition/unexpected-file'
  | 'definition/missing-file'
  | 'definition/invalid-json'
  | 'definition/unknown-field'
  | 'definition/missing-field'
  | 'definition/empty-field'
  | 'definition/wrong-type'
  | 'definition/bad-pattern'
  | 'definition/slug-mismatch'
  | 'definition/duplicate'
  | 'definition/bad-theme'
  | 'definition/bad-frequency'
  | 'definition/bad-rule'
  | 'definition/rule-not-applicable'
  | 'definition/unknown-population'
  | 'definition/unknown-dimension'
  | 'definition/unknown-level'
  | 'definition/unknown-measure'
  | 'definition/measure-population'
  | 'definition/dimension-fact'
  | 'definition/rate-operand'
  | 'definition/count-not-first'
  | 'definition/too-many-dimensions'
  | 'definition/too-detailed'

/** One finding: `path` is `datasets/<slug>/dataset.json#/json/pointer` (or a README path). */
export interface DefinitionIssue {
  readonly path: string
  readonly code: DefinitionIssueCode
  readonly message: string
}

/** Where a value sits: the file and the JSON pointer tokens down to it. */
export interface Location {
  readonly file: string
  readonly pointer: readonly (string | number)[]
}

/** The location of a child value. */
export function at(location: Location, ...tokens: (string | number)[]): Location {
  return { file: location.file, pointer: [...location.pointer, ...tokens] }
}

/** `file#/a/0/b`, tokens escaped as RFC 6901 says (`~` → `~0`, `/` → `~1`). */
export function pathOf(location: Location): string {
  if (location.pointer.length === 0) return location.file
  const tokens = location.pointer.map((t) => String(t).replaceAll('~', '~0').replaceAll('/', '~1'))
  return `${location.file}#/${tokens.join('/')}`
}

/** Builds an issue at a location. */
export function issue(location: Location, code: DefinitionIssueCode, message: string): DefinitionIssue {
  return { path: pathOf(location), code, message }
}
