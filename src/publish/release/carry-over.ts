/**
 * Cells suppressed by releases still online stay suppressed: a new release that published one of
 * them would reveal it, and publishing its neighbours could reveal it by difference.
 * @module
 */
import { type CellRef, parseCsv } from '../../privacy/index.ts'

/** A table of an earlier release, as published. */
export interface PublishedTableText {
  /** Qualified table name in the new release (`slug/table`). */
  readonly table: string
  readonly dimensions: readonly string[]
  /** Name of the count measure, whose `<count>_statut` column gives each cell's status. */
  readonly count: string
  readonly csv: string
}

/** The total code of every dimension. */
export const TOTAL = '_T'

/**
 * The suppressed cells (status A, B or D) of earlier releases' tables, as extra primary cells of
 * the new release; cells whose codes the new release no longer has are left out (`exists`).
 */
export function carriedOverCells(
  tables: readonly PublishedTableText[],
  exists: (table: string, dimension: string, code: string) => boolean,
): CellRef[] {
  const seen = new Set<string>()
  const refs: CellRef[] = []
  for (const table of tables) {
    const { header, records } = parseCsv(table.csv)
    const columns = table.dimensions.map((d) => header.indexOf(d))
    const statusColumn = header.indexOf(`${table.count}_statut`)
    if (statusColumn < 0 || columns.some((c) => c < 0)) continue
    for (const record of records) {
      const status = record.fields[statusColumn]
      if (status !== 'A' && status !== 'B' && status !== 'D') continue
      const codes: Record<string, string> = {}
      let known = true
      table.dimensions.forEach((dim, i) => {
        const code = record.fields[columns[i]!] ?? ''
        if (code === TOTAL) return
        if (!exists(table.table, dim, code)) known = false
        codes[dim] = code
      })
      const key = `${table.table}\u0001${JSON.stringify(codes)}`
      if (!known || seen.has(key)) continue
      seen.add(key)
      refs.push({ table: table.table, codes, status: status === 'B' ? 'B' : 'A' })
    }
  }
  return refs
}
