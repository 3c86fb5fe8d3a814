/**
 * The site's browser code, loaded as `assets/passerelle.js`: renders the table and draws the chart of
 * every `figure.psl-chart` of the page, renders its cross tables (`div.psl-cross-table`), and starts
 * the explorer or its embedded view when the page holds one. Each part is a chunk of its own, so that a page loads only what it uses.
 */
import { injectChartStyles } from './charts/style.ts'

async function start(): Promise<void> {
  injectChartStyles()
  const figures = [...document.querySelectorAll<HTMLElement>('figure.psl-chart')]
  const tables = [...document.querySelectorAll<HTMLElement>('div.psl-cross-table')]
  await Promise.all([
    figures.length > 0 && import('./figures.ts').then(({ drawFigures }) => drawFigures(figures)),
    tables.length > 0 && import('./tables.ts').then(({ renderCrossTables }) => renderCrossTables(tables)),
  ])
  const explorer = document.getElementById('psl-explorer')
  if (explorer) {
    const { startExplorer } = await import('./explorer/explorer.ts')
    await startExplorer(explorer)
  }
}

void start()
