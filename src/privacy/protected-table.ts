/**
 * The only kind of table publication code may write: it can be made only here, after protection.
 * @module
 */
import type { CellStatus, HierarchyRow } from './types.ts'

declare const protectedBrand: unique symbol

/** One published row: codes at any level, the table's count `n` (null when suppressed), status and measures. */
export interface ProtectedRow {
  readonly codes: readonly string[]
  readonly n: number | null
  readonly status: CellStatus
  /** The table's measures (additive and per-cell), null when the cell is suppressed or has no value. */
  readonly measures: Readonly<Record<string, number | null>>
}

/** A table that went through {@link protectTables}; its brand cannot be forged outside src/privacy. */
export interface ProtectedTable {
  readonly [protectedBrand]: true
  readonly name: string
  readonly dimensions: readonly string[]
  /** Per dimension, the hierarchy used (so that the table can be audited again). */
  readonly hierarchies: Readonly<Record<string, readonly HierarchyRow[]>>
  readonly rows: readonly ProtectedRow[]
  /**
   * The cells of internal codes (`TableInput.internal`), protected like the rows but not rows
   * themselves: the caller shows their values only as other rows' measures, with their status.
   */
  readonly internal?: readonly ProtectedRow[]
  /**
   * The dimensions of the internal rows' codes: the table's, and any whose every code but the
   * root is internal, which the rows and `dimensions` leave out (a dimension the caller never
   * publishes, only protects: a table without periods, split by observed cohorts).
   */
  readonly internalDimensions?: readonly string[]
}

/** What the library keeps about a protected table without publishing it: the true counts and distances. */
export interface ProtectedSecrets {
  readonly n: readonly number[]
  readonly distance: readonly number[]
  readonly singleton: readonly boolean[]
}

const secrets = new WeakMap<ProtectedTable, ProtectedSecrets>()

/** Makes a protected table (internal: only the protection step calls it). */
export function makeProtectedTable(
  table: Omit<ProtectedTable, typeof protectedBrand>,
  hidden: ProtectedSecrets,
): ProtectedTable {
  const made = Object.freeze({ ...table }) as ProtectedTable
  secrets.set(made, hidden)
  return made
}

/** The hidden true values of a protected table made in this process, if any. */
export function secretsOf(table: ProtectedTable): ProtectedSecrets | undefined {
  return secrets.get(table)
}
