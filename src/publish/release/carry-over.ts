/**
 * What releases still online show constrains the new one. Their suppressed cells stay suppressed:
 * publishing one would reveal it, and publishing its neighbours could reveal it by difference; their
 * primary cells keep their protection interval, their secondary cells need none of their own.
 * Their published cells are known to anyone who kept the files: one whose count is unchanged
 * cannot hide another cell's count by being suppressed now, and its measures as published cannot
 * hide the rates of a cell whose count is public.
 * @module
 */
import { type CellRef, type PublishedCell, parseCsv } from '../../privacy/index.ts'
import { MEASURES, type MeasureName } from '../definition/catalogue.ts'
import { lastObservedYear } from '../indicators/cohort.ts'

/** The numerators of the rates over a follow-up member among the measures a row showed. */
function shownNumerators(
  member: MeasureName,
  shown: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const name of Object.keys(shown)) {
    const measure = MEASURES[name as MeasureName]?.measure
    if (measure?.kind === 'rate' && measure.denominator === member && shown[measure.numerator] !== undefined)
      out[measure.numerator] = shown[measure.numerator]!
  }
  return out
}

/** A table of an earlier release, as published. */
export interface PublishedTableText {
  /** Qualified table name in the new release (`slug/table`). */
  readonly table: string
  readonly dimensions: readonly string[]
  /** Name of the count measure, whose `<count>_statut` column gives each cell's status. */
  readonly count: string
  readonly csv: string
  /** The data date of its release: which cohorts its follow-up measures counted. */
  readonly asOf?: string
}

/**
 * Where the new release holds the cell of the cohorts up to `last` under `codes` of a table
 * (run/observed-cohorts.ts: an internal node of a linked table's period tree), if it does.
 */
export type ObservedCell = (
  table: string,
  codes: Readonly<Record<string, string>>,
  last: number,
) => { readonly table: string; readonly code: string } | undefined

/** The cells of earlier releases that bind the new one. */
export interface EarlierCells {
  /** Primary cells (status A or B), primary again in the new release. */
  readonly primary: readonly CellRef[]
  /** Secondary cells (status D), suppressed again in the new release. */
  readonly secondary: readonly CellRef[]
  /** Published cells (status V) with the count and the other measures they showed. */
  readonly published: readonly PublishedCell[]
}

/** The total code of every dimension. */
export const TOTAL = '_T'

/**
 * The cells of earlier releases' tables that the new release must respect, each once (a cell
 * published with two counts by two releases is listed with both); cells whose codes the new
 * release no longer has are left out (`exists`). A published row that pooled cohorts also showed,
 * or hid, the count of its observed cohorts (`nb_connus_6m`): that cell too, where the new release
 * holds it (`observed`).
 */
export function earlierCells(
  tables: readonly PublishedTableText[],
  exists: (table: string, dimension: string, code: string) => boolean,
  observed: ObservedCell = () => undefined,
): EarlierCells {
  const seen = new Set<string>()
  const primary: CellRef[] = []
  const secondary: CellRef[] = []
  const published: PublishedCell[] = []
  for (const table of tables) {
    const { header, records } = parseCsv(table.csv)
    const columns = table.dimensions.map((d) => header.indexOf(d))
    const countColumn = header.indexOf(table.count)
    const statusColumn = header.indexOf(`${table.count}_statut`)
    if (statusColumn < 0 || countColumn < 0 || columns.some((c) => c < 0)) continue
    // Every other column with a status is a measure (rates too: protection skips names it lacks).
    const measureColumns = header
      .map((name, i) => ({ name, i }))
      .filter(({ name, i }) => i !== countColumn && header.includes(`${name}_statut`))
    for (const record of records) {
      const status = record.fields[statusColumn]
      const n = Number(record.fields[countColumn])
      const isPublished = status === 'V' && record.fields[countColumn] !== '' && Number.isInteger(n)
      if (!isPublished && status !== 'A' && status !== 'B' && status !== 'D') continue
      const codes: Record<string, string> = {}
      let known = true
      table.dimensions.forEach((dim, i) => {
        const code = record.fields[columns[i]!] ?? ''
        if (code === TOTAL) return
        if (!exists(table.table, dim, code)) known = false
        codes[dim] = code
      })
      const measures: Record<string, number> = {}
      if (isPublished)
        for (const { name, i } of measureColumns) {
          const text = record.fields[i] ?? ''
          if (text !== '' && Number.isFinite(Number(text))) measures[name] = Number(text)
        }
      const shown = isPublished ? `${n}\u0001${JSON.stringify(measures)}` : status
      const key = `${table.table}\u0001${JSON.stringify(codes)}\u0001${shown}`
      if (!known || seen.has(key)) continue
      seen.add(key)
      if (isPublished) published.push({ table: table.table, codes, n, measures })
      else if (status === 'D') secondary.push({ table: table.table, codes })
      else primary.push({ table: table.table, codes, status: status === 'B' ? 'B' : 'A' })
      if (!isPublished || table.asOf === undefined || (codes.periode ?? TOTAL) !== TOTAL) continue
      for (const { name, i } of measureColumns) {
        const months = MEASURES[name as MeasureName]?.followUpMonths
        if (months === undefined) continue
        const cell = observed(table.table, codes, lastObservedYear(table.asOf, months))
        if (!cell) continue
        const own = { table: cell.table, codes: { ...codes, periode: cell.code } }
        const shown = record.fields[header.indexOf(`${name}_statut`)]
        const value = Number(record.fields[i])
        const ownKey = `${cell.table}\u0001${JSON.stringify(own.codes)}\u0001${shown}\u0001${value}`
        if (seen.has(ownKey)) continue
        seen.add(ownKey)
        // The numerators shown with it, and only those: a reference without measures would vouch
        // for every measure of the cell, and a rate it never showed would pass as public.
        if (shown === 'V' && record.fields[i] !== '' && Number.isInteger(value))
          published.push({ ...own, n: value, measures: shownNumerators(name as MeasureName, measures) })
        else if (shown === 'D') secondary.push(own)
        else if (shown === 'A' || shown === 'B') primary.push({ ...own, status: shown })
      }
    }
  }
  return { primary, secondary, published }
}
