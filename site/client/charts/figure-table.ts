/**
 * The accessible table under a page's chart, rendered in the browser from the rows the chart draws
 * (the page does not carry them twice) with the site build's own cell and table renderers: the same
 * markup as every table of the site, a suppressed value reading "secret", explained and linked to the
 * disclosure rules, never 0 or blank.
 */
import { intervalCell, rateCell, valueCell } from '../../../src/site/cells.ts'
import type { FigureTable } from '../../../src/site/chart-spec.ts'
import { type Column, renderDataTable } from '../../../src/site/data-table.ts'
import type { Cell } from '../data/cells.ts'

const INTERVAL: Column = { label: 'Intervalle de confiance à 95 %', numeric: true }

/**
 * The HTML of the table of `cells`: one row per cell (headed by its label), one column per measure of
 * `table` (and its interval), values read from the cell's published row.
 * @example figureTableHtml('Taux par région', { header: 'Région', columns: [{ measure: 'taux', label: 'Taux', kind: 'rate', interval: 'column' }], root: '../../' }, cells)
 */
export function figureTableHtml(caption: string, table: FigureTable, cells: readonly Cell[]): string {
  const { root } = table
  return renderDataTable({
    caption,
    columns: [
      { label: table.header },
      ...table.columns.flatMap((c) => [
        { label: c.label, numeric: true },
        ...(c.interval === 'column' ? [INTERVAL] : []),
      ]),
    ],
    rows: cells.map((cell) => {
      const row = cell.row ?? undefined
      return {
        header: cell.seriesLabel ? `${cell.xLabel}, ${cell.seriesLabel}` : cell.xLabel,
        cells: table.columns.flatMap((c) =>
          c.interval === 'inline'
            ? [rateCell(row, c.measure, root)]
            : [
                valueCell(row, c.measure, c.kind, root),
                ...(c.interval === 'column' ? [intervalCell(row, c.measure, root)] : []),
              ],
        ),
      }
    }),
  })
}
