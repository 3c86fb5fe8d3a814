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

/** Renders a {@link DataTable} inside a horizontally scrollable, keyboard-focusable region. */
export function renderDataTable(table: DataTable): string {
  const head = table.columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('')
  const body = table.rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.header)}</th>${r.cells.join('')}</tr>`)
    .join('\n')
  return `<div class="table-scroll" role="region" aria-label="${escapeAttribute(table.caption)}" tabindex="0">
<table>
<caption>${escapeHtml(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`
}
