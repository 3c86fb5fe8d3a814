import type { ReferentialKind } from './kinds.ts'
import type { LineChecks } from './line-checks.ts'

/** What a line parser may need besides the line: the hub secret and the INSEE commune list. */
export interface ParseContext {
  /** HMAC key of person keys; `''` for the kinds that hold no person. */
  readonly secret: string
  readonly communes: ReadonlySet<string>
}

/** The table a referential replaces. */
export type ReferentialTable =
  | 'organism'
  | 'certification'
  | 'catalogue_offer'
  | 'sngi_identity'
  | 'dsn_contract'

/**
 * One referential kind: its CSV header, how a line becomes a row of its table, and the key whose
 * duplicates are errors. The loader is generic over these.
 */
export interface ReferentialSpec<Row extends object = object> {
  readonly kind: ReferentialKind
  /** What the rows are, for summaries (`loaded 12 organisms`). */
  readonly noun: string
  /** The CSV columns, all required, in any order. */
  readonly header: readonly string[]
  readonly table: ReferentialTable
  /** The table's columns filled from a row, with their SQL types (for `json_to_recordset`). */
  readonly columns: Readonly<Record<string, string>>
  /** The unique key: its table column, the CSV column it comes from, and whether messages may quote it. */
  readonly unique: { readonly column: string; readonly csvColumn: string; readonly showValue: boolean } | null
  /** CSV columns whose values never appear in a message (NIR, names, birth dates). */
  readonly privateColumns: ReadonlySet<string>
  /** True when rows hold person keys, computed with the hub secret. */
  readonly needsSecret: boolean
  /** Checks one line and returns its row, or null when a check failed (findings are in `checks`). */
  parse(checks: LineChecks, context: ParseContext): Row | null
}
