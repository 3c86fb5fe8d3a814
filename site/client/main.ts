/**
 * The site's browser code: draws every `figure.psl-chart` of the page from its `data-spec` and starts
 * the explorer or its embedded view when the page holds one. Loaded as `assets/passerelle.js`.
 */
import { CHART_SPEC_ATTRIBUTE, type ChartSpec } from '../../src/site/chart-spec.ts'
import { drawChart } from './charts/draw-chart.ts'
import { injectChartStyles } from './charts/style.ts'
import { chartWidth } from './charts/width.ts'

async function drawFigure(figure: HTMLElement): Promise<void> {
  const view = document.createElement('div')
  view.className = 'psl-chart-view'
  const caption = figure.querySelector('figcaption')
  if (caption) caption.after(view)
  else figure.prepend(view)
  try {
    const spec = JSON.parse(figure.getAttribute(CHART_SPEC_ATTRIBUTE) ?? '') as ChartSpec
    await drawChart(spec, view, chartWidth(figure))
  } catch (error) {
    // The table below stays: the page keeps its numbers when a chart cannot be drawn.
    view.className = 'psl-chart-error'
    view.textContent =
      'Le graphique n’a pas pu être affiché ; les données restent dans le tableau ci-dessous.'
    console.warn(error)
  }
}

async function start(): Promise<void> {
  injectChartStyles()
  const figures = [...document.querySelectorAll<HTMLElement>('figure.psl-chart')]
  await Promise.all(figures.map(drawFigure))
  const explorer = document.getElementById('psl-explorer')
  if (explorer) {
    const { startExplorer } = await import('./explorer/explorer.ts')
    await startExplorer(explorer)
  }
}

void start()
