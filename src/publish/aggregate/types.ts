/**
 * What aggregation returns: every cell of a table at every level, before protection.
 * @module
 */
import type { DimensionName } from '../definition/catalogue.ts'

/** The code of the total of every dimension (SDMX convention, src/publish/README.md). */
export const TOTAL = '_T'

/** One cell: one code per dimension, at any level. */
export interface AggregatedCell {
  /** Per dimension (table order): 0 for the total, k for the k-th level from the top. */
  readonly levels: readonly number[]
  /** Per dimension: the code at that level, `_T` for the total; null where the data has no code. */
  readonly codes: readonly (string | null)[]
  /** The additive measures (count, sums) and distinct persons, by measure name. */
  readonly values: Readonly<Record<string, number>>
  /** Finest cells of a table with a contributor: the dominance measure by contributor, amounts ≠ 0. */
  readonly contributors?: Readonly<Record<string, number>>
}

/** A table aggregated: its cells, and the codes its data uses. */
export interface AggregatedTable {
  /** Every cell at every level, sorted by levels then codes (byte order). */
  readonly cells: readonly AggregatedCell[]
  /**
   * Per dimension of the table, every code of any level found in the data (not `_T`, not null),
   * sorted: what the caller restricts hierarchies to before protection.
   */
  readonly observed: Readonly<Partial<Record<DimensionName, readonly string[]>>>
}
