/**
 * The comparison page's cross tables (dispositifs as rows, the codes of another dimension as
 * columns, one rate with its interval per cell), rendered by the browser from the published table it
 * fetches: the page carries a {@link CrossTableSpec} only, not hundreds of cells. Pure, so that the
 * site build's tests render what the browser shows.
 */
import { rateCell } from './cells.ts'
import { renderDataTable } from './data-table.ts'
import type { Row, TableData } from './published.ts'
import { publishedValue, slice, TOTAL } from './table-rows.ts'

/** The attribute of `div.psl-cross-table` that carries its spec. */
export const CROSS_TABLE_ATTRIBUTE = 'data-cross-table'

/** What a cross table shows; every dimension of the table other than its rows' and columns' is at `_T`. */
export interface CrossTableSpec {
  readonly caption: string
  /** Relative URL of the published table's JSON. */
  readonly data: string
  /** A rate (shown with its interval). */
  readonly measure: string
  /** The rows' dimension, its header, the label of its total row. */
  readonly rows: { readonly dimension: string; readonly header: string; readonly total: string }
  /** The columns' dimension and the label of its total column. */
  readonly columns: { readonly dimension: string; readonly total: string }
  /** The rows with the largest published `nb_sorties` first; `limit` keeps that many (the total aside). */
  readonly limit?: number
  /** Relative prefix from the page to the site root (secret cells link to the disclosure rules). */
  readonly root: string
}

/** Codes of `dimension` in the table's order, by decreasing number of exits (suppressed counts last). */
function byVolume(data: TableData, dimension: string): string[] {
  const rows = slice(data, dimension, {})
  const volume = (code: string) => publishedValue(rows.get(code), 'nb_sorties') ?? -1
  return [...rows.keys()].sort((a, b) => volume(b) - volume(a))
}

/**
 * The HTML of `spec`'s table over `data`, code labels from `label`.
 * @example crossTableHtml(spec, data, (dimension, code) => labels.get(code) ?? code)
 */
export function crossTableHtml(
  spec: CrossTableSpec,
  data: TableData,
  label: (dimension: string, code: string) => string,
): string {
  const down = spec.rows.dimension
  const across = spec.columns.dimension
  const columns = [TOTAL, ...slice(data, across, {}).keys()]
  const rows = [TOTAL, ...byVolume(data, down).slice(0, spec.limit)]
  const index = new Map<string, Row>()
  for (const r of data.rows)
    if (data.dimensions.every((d) => d === down || d === across || r[d] === TOTAL))
      index.set(`${r[down]}|${r[across]}`, r)
  return renderDataTable({
    caption: spec.caption,
    columns: [
      { label: spec.rows.header },
      ...columns.map((c) => ({ label: c === TOTAL ? spec.columns.total : label(across, c), numeric: true })),
    ],
    rows: rows.map((d) => ({
      header: d === TOTAL ? spec.rows.total : label(down, d),
      cells: columns.map((c) => rateCell(index.get(`${d}|${c}`), spec.measure, spec.root)),
    })),
  })
}
