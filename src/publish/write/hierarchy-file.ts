/**
 * `hierarchies/<dimension>.csv`: the codes a dataset's tables use, with their parent, label and
 * level, in the published order. The tables' dimension columns refer to its `code` column.
 * @module
 */
import { toCsv } from './csv.ts'
import { depthFirst } from './order.ts'
import type { LabelledCode } from './types.ts'

/** Columns of a hierarchy file. */
export const HIERARCHY_COLUMNS = ['code', 'parent', 'label', 'niveau'] as const

/** The labelled codes among `used`, depth first; a used code's ancestors are used too. */
export function hierarchyRows(labels: readonly LabelledCode[], used: ReadonlySet<string>): LabelledCode[] {
  return depthFirst(labels).filter((row) => used.has(row.code))
}

/** CSV text of a hierarchy file. */
export function hierarchyCsv(rows: readonly LabelledCode[]): string {
  return toCsv(
    HIERARCHY_COLUMNS,
    rows.map((r) => [r.code, r.parent, r.label, r.level]),
  )
}
