/**
 * What the file writers take besides protected tables, and what they give back.
 * @module
 */

/** Stable codes of the findings that stop writing a dataset. */
export type WriteIssueCode =
  | 'write/missing-table'
  | 'write/dimension-mismatch'
  | 'write/missing-labels'
  | 'write/unknown-code'
  | 'write/hierarchy-mismatch'
  | 'write/unknown-level'
  | 'write/missing-measure'
  | 'write/not-an-integer'
  | 'write/bad-rate'

/** A finding users see: where (table or `table#column`), a stable code, a terse message. */
export interface WriteIssue {
  readonly path: string
  readonly code: WriteIssueCode
  readonly message: string
}

/** The value, or every issue that prevented it. */
export type WriteResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly WriteIssue[] }

/** One code of a dimension's labelled hierarchy; the root (`_T`) has an empty parent. */
export interface LabelledCode {
  readonly code: string
  readonly parent: string
  readonly label: string
  /** `total` for the root, else the name of one of the dimension's levels (catalogue.ts). */
  readonly level: string
}

/**
 * Per dimension, its labelled hierarchy (at least every code the tables use). Its row order is
 * the published order: children are listed in the order they appear.
 */
export type HierarchyLabels = Readonly<Record<string, readonly LabelledCode[]>>

/** One file of a dataset folder, at a `/`-separated path relative to the folder. */
export interface DatasetFile {
  readonly path: string
  readonly bytes: Uint8Array
}
