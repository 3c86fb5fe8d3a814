/** The referentials the operator loads (spec/README.md, "Referentials"), in the order they are listed. */
export const REFERENTIAL_KINDS = ['organisms', 'certifications', 'catalogue', 'sngi', 'dsn'] as const

/** One kind of referential; each has its own CSV format and table. */
export type ReferentialKind = (typeof REFERENTIAL_KINDS)[number]

/**
 * True when `value` names a referential kind.
 * @example
 * isReferentialKind('sngi') // true
 */
export function isReferentialKind(value: string): value is ReferentialKind {
  return (REFERENTIAL_KINDS as readonly string[]).includes(value)
}
