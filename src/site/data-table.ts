import { escapeAttribute, escapeHtml } from './html.ts'

/** A header cell: its text and whether the column holds numbers (right-aligned). */
export interface Column {
  readonly label: string
  readonly numeric?: boolean
}

/** An accessible data table: caption, column headers, one row header per row. Cells are `<td>` HTML. */
export interface DataTable {
  readonly caption: string
  readonly columns: readonly Column[]
  /** Each row: its header text (first column) and the HTML of its other `<td>` cells. */
  readonly rows: readonly { readonly header: string; readonly cells: readonly string[] }[]
}

/**
 * `table` (its HTML) inside a horizontally scrollable region that the keyboard can reach and that
 * assistive technologies name by `label`: every wide table of the site is in one, so that a phone
 * scrolls the table, not the page (axe `scrollable-region-focusable`). Labels must differ between
 * the regions of a page.
 */
export function scrollRegion(label: string, table: string): string {
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeAttribute(label)}">${table}</div>`
}

/** Renders a {@link DataTable} inside a {@link scrollRegion}. */
export function renderDataTable(table: DataTable): string {
  const head = table.columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('')
  const body = table.rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.header)}</th>${r.cells.join('')}</tr>`)
    .join('\n')
  return scrollRegion(
    table.caption,
    `
<table>
<caption>${escapeHtml(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
`,
  )
}
