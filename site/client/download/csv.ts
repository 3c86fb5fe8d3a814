/**
 * The CSV of the view a reader is looking at: the published rows behind the chart's cells, with their
 * dimension codes and labels, the measure, its status and interval. A suppressed value stays an empty
 * field beside its status, as in the published files; cells with no published row are left out.
 */
import type { Cell } from '../data/cells.ts'
import { type Hierarchy, labelOf } from '../data/hierarchy.ts'

function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * CSV text (header + one line per published cell) for `measure` over `dimensions`.
 * @example viewCsv(cells, ['periode', 'territoire'], 'nb_entrees', false, hierarchies)
 */
export function viewCsv(
  cells: readonly Cell[],
  dimensions: readonly string[],
  measure: string,
  withInterval: boolean,
  hierarchies: ReadonlyMap<string, Hierarchy>,
): string {
  const measureColumns = [
    measure,
    `${measure}_statut`,
    ...(withInterval ? [`${measure}_ic_bas`, `${measure}_ic_haut`] : []),
  ]
  const header = [...dimensions.flatMap((d) => [d, `${d}_libelle`]), ...measureColumns]
  const lines = [header.join(',')]
  for (const cell of cells) {
    const row = cell.row
    if (!row) continue
    const values = [
      ...dimensions.flatMap((d) => [row[d], labelOf(hierarchies.get(d), String(row[d] ?? ''))]),
      ...measureColumns.map((c) => row[c]),
    ]
    lines.push(values.map(field).join(','))
  }
  return `${lines.join('\n')}\n`
}
