/**
 * Shared vocabulary of the privacy library: inputs, statuses and the findings it reports as data.
 * @module
 */

/** Cell status flags (INSEE/Eurostat, PRIVACY.md §1): published, primary by frequency, primary by dominance, secondary. */
export type CellStatus = 'V' | 'A' | 'B' | 'D'

/** Stable, namespaced codes of every finding the library reports. */
export type IssueCode =
  | 'table/unknown-code'
  | 'table/not-a-leaf'
  | 'table/cycle'
  | 'table/no-root'
  | 'table/several-roots'
  | 'table/duplicate-code'
  | 'table/duplicate-row'
  | 'table/negative-count'
  | 'table/non-integer-count'
  | 'table/numerator-exceeds-count'
  | 'table/negative-contribution'
  | 'table/margins-disagree'
  | 'table/bad-header'
  | 'table/bad-row'
  | 'rules/invalid-parameter'
  | 'rules/missing-magnitude'
  | 'disclosure/small-cell'
  | 'disclosure/unprotected'
  | 'disclosure/unprotectable'
  | 'disclosure/narrowed-by-release-online'
  | 'microdata/invalid'

/** A finding users see: where, a stable code, and a terse message echoing the bad value. */
export interface Issue {
  readonly path: string
  readonly code: IssueCode
  readonly message: string
  readonly line?: number
}

/** A result of a step that can partly fail: the value when there is one, and the issues either way. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | {
      readonly ok: false
      readonly issues: readonly Issue[]
    }

/** One `code,parent` row of a hierarchy file; the root has an empty parent. */
export interface HierarchyRow {
  readonly code: string
  readonly parent: string
  readonly line?: number
}

/** One leaf cell of an input table. */
export interface LeafRow {
  /** One code per dimension, in the table's dimension order; each a leaf of its hierarchy. */
  readonly codes: readonly string[]
  /** Distinct persons in the cell. */
  readonly n: number
  /** Persons with the outcome, for a rate `numerator / n`. */
  readonly numerator?: number
  /** Per-contributor amounts (≥ 0), for dominance rules. */
  readonly contributions?: readonly number[]
  /**
   * Amounts (≥ 0) keyed by contributor, for dominance rules when one contributor spans several
   * leaves (an organism in many cells): margins add up each contributor's amounts before the rule.
   */
  readonly contributors?: Readonly<Record<string, number>>
  /** Additive values published with the cell (sums of hours, euros, sub-counts), summed to margins. */
  readonly measures?: Readonly<Record<string, number>>
  /** Source line, for error messages. */
  readonly line?: number
}

/** A table as given: leaf rows plus one hierarchy per dimension (missing: flat under `Total`). */
export interface TableInput {
  /** Name used in reports and error paths (the CLI uses the file name). */
  readonly name: string
  readonly dimensions: readonly string[]
  readonly hierarchies?: Readonly<Record<string, readonly HierarchyRow[]>>
  readonly rows: readonly LeafRow[]
  /**
   * Names of the additive measures (`LeafRow.measures`); default: those the rows carry. Declare
   * them when the rows may be none (an empty population), so that rates naming them still resolve.
   */
  readonly measureNames?: readonly string[]
  /**
   * Tables of different populations are never linked, even when they share dimensions (the same
   * codes name different counts). Default: one population for every table of a call.
   */
  readonly population?: string
  /**
   * Rates published with the table: measures named by `numerator` and `denominator` (default `n`)
   * of each cell. The rate rules apply to each (denominator ≥ minDenominator, numerator and
   * complement not between 1 and minCount − 1).
   */
  readonly rates?: readonly RateInput[]
  /**
   * Values of cells at any level that are not additive (distinct persons), given back with the
   * protected cell (null when it is suppressed); a cell left out has none (null), but an empty cell
   * (n = 0) has 0. The persons of rates (`RateInput.persons`) are among them: the rules read them,
   * and a caller need not publish them.
   */
  readonly cellMeasures?: readonly CellMeasureRow[]
  /** Name of the cell measure giving distinct persons: the persons rule applies to it at every level. */
  readonly personsMeasure?: string
  /**
   * The additive measure the dominance rules are about (euros, in `measures`): a cell they make
   * primary (`B`) hides it, and gets a protection interval on it (±protectionPercent, at least one
   * unit) besides the one on its count (protect-magnitude.ts).
   */
  readonly magnitude?: string
  /**
   * Per dimension, codes above the leaves whose cells are protected like every other cell (their
   * counts take part in every relation, primary rules apply) but that the caller does not publish
   * as rows: their values appear elsewhere, as another row's measure (the members of the observed
   * cohorts on an all-periods row). The protected table gives their cells apart
   * (`ProtectedTable.internal`) and leaves them out of its rows and hierarchies. A dimension named
   * here whose every code but the root is internal (or that has its root alone) is left out of
   * the rows altogether: one the caller protects by, never publishes.
   */
  readonly internal?: Readonly<Record<string, readonly string[]>>
}

/** A rate published with a table: two of its measures, and the distinct persons behind them. */
export interface RateInput {
  /** The measure counting units with the outcome. */
  readonly numerator: string
  /** The measure counting the rate's units; default `n`. */
  readonly denominator?: string
  /**
   * Cell measures (`cellMeasures`) giving the distinct persons of the numerator, of the denominator
   * and of the complement (the denominator's units without the outcome). When given, the rate rules
   * count persons, as DOMAIN.md says (a person of several units counts once); without them they
   * count the units, which is the same only when no person has two units in a cell.
   */
  readonly persons?: {
    readonly numerator: string
    readonly denominator: string
    readonly complement: string
  }
  /**
   * Cells that do not publish this rate: those whose code in `dimension` is one of `codes`. Its
   * rules do not apply there (e.g. a follow-up rate on an all-periods row, which shows the rate of
   * an internal cell of observed cohorts instead).
   */
  readonly skip?: { readonly dimension: string; readonly codes: readonly string[] }
}

/** Non-additive values of one cell, named by one code per dimension (at any level). */
export interface CellMeasureRow {
  readonly codes: readonly string[]
  readonly values: Readonly<Record<string, number>>
}

/** A cell named by one code per dimension, at any level (for extra primary cells). */
export interface CellRef {
  /** Table name; omitted: every table that has these dimensions. */
  readonly table?: string
  /** Dimension → code; a dimension not named is at its total. */
  readonly codes: Readonly<Record<string, string>>
  /** Status to give: `A` (default) or `B`. */
  readonly status?: 'A' | 'B'
  /** The cell's single contributor knows its value (PRIVACY.md §4). */
  readonly singleton?: boolean
  /** Where the reference was read (a file and its line), for the issue when it names no cell. */
  readonly origin?: { readonly path: string; readonly line: number }
}

/** A cell as a release still online published it (status `V`): its count then. */
export interface PublishedCell extends CellRef {
  readonly n: number
  /**
   * The other values it published then, by measure name (additive or cell measures; names no
   * table has, rates and ratios, are ignored: their parts are measures of their own). The count
   * alone decides whether the cell is public for the protection of counts; these decide which
   * cells the protection of a cell that only its rates make primary may not rest on. Omitted: the
   * reference vouches for every measure of the cell.
   */
  readonly measures?: Readonly<Record<string, number>>
}
