/**
 * The figures of a content page (`figure.psl-chart[data-spec]`, contract in `src/site/chart-spec.ts`):
 * each gets the table of its rows, then its chart. A chunk of its own, which the explorer's pages do
 * not load.
 */
import { CHART_SPEC_ATTRIBUTE, type ChartSpec } from '../../src/site/chart-spec.ts'
import { drawChart, loadCells } from './charts/draw-chart.ts'
import { figureTableHtml } from './charts/figure-table.ts'
import { chartWidth } from './charts/width.ts'

/** Replaces `view`'s content by a message in place of the chart. */
function fail(view: HTMLElement, message: string, error: unknown): void {
  view.className = 'psl-chart-error'
  view.textContent = message
  console.warn(error)
}

async function drawFigure(figure: HTMLElement): Promise<void> {
  const view = document.createElement('div')
  view.className = 'psl-chart-view'
  const caption = figure.querySelector('figcaption')
  if (caption) caption.after(view)
  else figure.prepend(view)
  let spec: ChartSpec
  try {
    spec = JSON.parse(figure.getAttribute(CHART_SPEC_ATTRIBUTE) ?? '') as ChartSpec
    const { cells } = await loadCells(spec)
    const table = figure.querySelector<HTMLElement>('.psl-figure-table')
    if (table && spec.table) table.innerHTML = figureTableHtml(spec.title, spec.table, cells)
  } catch (error) {
    return fail(
      view,
      'Les chiffres de ce graphique n’ont pas pu être chargés ; ils restent dans les fichiers à télécharger.',
      error,
    )
  }
  try {
    await drawChart(spec, view, chartWidth(figure))
  } catch (error) {
    // The table below stays: the page keeps its numbers when a chart cannot be drawn.
    fail(
      view,
      'Le graphique n’a pas pu être affiché ; les données restent dans le tableau ci-dessous.',
      error,
    )
  }
}

/** Renders the table and draws the chart of every figure in `figures`. */
export async function drawFigures(figures: readonly HTMLElement[]): Promise<void> {
  await Promise.all(figures.map(drawFigure))
}
