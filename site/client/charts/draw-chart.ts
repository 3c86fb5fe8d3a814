/**
 * From a ChartSpec to a drawn chart: loads the published table and the hierarchies it needs, selects
 * the cells, draws bars, a line or a map, and adds the legend and the text alternative.
 */
import type { ChartSpec } from '../../../src/site/chart-spec.ts'
import { type Cell, isEuro, isRate, selectCells } from '../data/cells.ts'
import { type Hierarchy, parseHierarchy } from '../data/hierarchy.ts'
import { fetchJson, fetchText, type PublishedTable } from '../data/published-table.ts'
import { type LegendItem, legendItems, renderLegend, seriesKeys } from './legend.ts'
import { CONTEXT_GREY, wantsSmallMultiples } from './panels.ts'
import { summarise } from './summary.ts'
import { svgElement } from './svg.ts'

/** A drawn chart: its SVG (for downloads) and the cells behind it (for the CSV and the table). */
export interface DrawnChart {
  readonly svg: SVGSVGElement
  readonly cells: readonly Cell[]
  readonly rate: boolean
  readonly summary: string
  readonly table: PublishedTable
  readonly hierarchies: ReadonlyMap<string, Hierarchy>
  readonly legend: readonly LegendItem[]
}

/** The hierarchies of `dimensions`, read beside the table (`hierarchies/<dimension>.csv`). */
export async function loadHierarchies(
  dataUrl: string,
  dimensions: readonly string[],
): Promise<Map<string, Hierarchy>> {
  const base = new URL(dataUrl, document.baseURI)
  const texts = await Promise.all(
    dimensions.map((d) => fetchText(new URL(`hierarchies/${d}.csv`, base).href)),
  )
  const map = new Map<string, Hierarchy>()
  dimensions.forEach((d, i) => {
    const text = texts[i]
    if (text) map.set(d, parseHierarchy(text))
  })
  return map
}

/** Beyond this many bars (communes of France…) a bar chart is unreadable; the table keeps the numbers. */
const MAX_BARS = 150

/** A one-line SVG that says why no chart is drawn. */
function notice(text: string, width: number): SVGSVGElement {
  const svg = svgElement('svg', {
    width,
    height: 40,
    viewBox: `0 0 ${width} 40`,
    'font-family': 'system-ui, sans-serif',
  })
  const line = svgElement('text', { x: 0, y: 24, 'font-size': 13, fill: '#1a1a1a' })
  line.textContent = text
  svg.append(line)
  return svg
}

/** The territorial dimension a map colours: the spec's `x`, else the table's `territoire…` column. */
function mapDimension(spec: ChartSpec, table: PublishedTable): string {
  return spec.x ?? table.dimensions.find((d) => d.startsWith('territoire')) ?? 'territoire'
}

/** What a spec draws, before drawing: the published table, its hierarchies and the selected cells. */
export interface SpecCells {
  readonly table: PublishedTable
  readonly hierarchies: Map<string, Hierarchy>
  readonly cells: Cell[]
  readonly rate: boolean
}

/** The dimensions whose hierarchies `spec`'s cells need: its breakdown (a map's territory) and series. */
export function specDimensions(spec: ChartSpec, table: PublishedTable): string[] {
  const x = spec.kind === 'map' ? mapDimension(spec, table) : spec.x
  return [x, spec.series].filter((d): d is string => d !== undefined)
}

/**
 * The cells `spec` draws from its published table and the hierarchies of {@link specDimensions}. Pure:
 * the site build's tests select with it what the browser shows.
 */
export function specCells(
  spec: ChartSpec,
  table: PublishedTable,
  hierarchies: Map<string, Hierarchy>,
): SpecCells {
  const x = spec.kind === 'map' ? mapDimension(spec, table) : spec.x
  const cells = selectCells(table, hierarchies, {
    measure: spec.measure,
    ...(x ? { x } : {}),
    ...(spec.series ? { series: spec.series } : {}),
    ...(spec.level ? { level: spec.level } : {}),
    filters: spec.filters,
  })
  return { table, hierarchies, cells, rate: isRate(table, spec.measure) }
}

/**
 * Loads the table and hierarchies of `spec` (each fetched once per page) and selects its cells: what
 * the chart draws and its table lists.
 */
export async function loadCells(spec: ChartSpec): Promise<SpecCells> {
  const table = await fetchJson<PublishedTable>(spec.data)
  return specCells(spec, table, await loadHierarchies(spec.data, specDimensions(spec, table)))
}

/**
 * Draws `spec` into `target` (replacing its content) at most `width` pixels wide.
 * @example await drawChart({ kind: 'bar', data: 'datasets/x/t.json', measure: 'nb', x: 'territoire', filters: {}, title: 'T' }, div, 640)
 */
export async function drawChart(spec: ChartSpec, target: HTMLElement, width: number): Promise<DrawnChart> {
  const { table, hierarchies, cells, rate } = await loadCells(spec)
  const summary = summarise(spec.title, cells, rate)
  let svg: SVGSVGElement
  let legend: LegendItem[]
  const credit = document.createElement('p')
  // Plot (bars, lines) and d3-geo (maps) are separate chunks, loaded by the pages that draw them.
  if (spec.kind === 'map') {
    const { drawMap } = await import('../maps/draw-map.ts')
    const level = spec.level === 'departement' ? 'departement' : 'region'
    ;({ svg, legend } = await drawMap(cells, level, rate, isEuro(spec.measure)))
    credit.className = 'psl-credit'
    credit.textContent = 'Fond de carte : IGN, Admin Express COG simplifié (Licence Ouverte 2.0).'
  } else if (spec.kind === 'line' && wantsSmallMultiples(cells)) {
    const { renderSmallMultiples } = await import('./small-multiples.ts')
    svg = renderSmallMultiples(cells, rate, width)
    // Each panel names its series: the legend says only what the grey lines are.
    legend = [{ label: 'les autres courbes, pour comparer', fill: CONTEXT_GREY }, ...legendItems(cells)]
  } else if (spec.kind === 'line') {
    const { renderLine } = await import('./line-chart.ts')
    svg = renderLine(cells, rate, width)
    legend = legendItems(cells, seriesKeys(cells))
  } else if (cells.length > MAX_BARS) {
    svg = notice(
      `${cells.length} catégories : trop pour un graphique lisible. Choisissez un niveau plus agrégé ou un territoire, ou consultez le tableau.`,
      width,
    )
    legend = []
  } else {
    const { renderBars } = await import('./bar-chart.ts')
    svg = renderBars(cells, rate, width)
    legend = legendItems(cells, seriesKeys(cells))
  }
  // The chart is one image for assistive technologies: its summary is its name, and the marks'
  // own labels (Plot names its groups "bar", "rule"…) would be prohibited on elements without a role.
  for (const labelled of svg.querySelectorAll('[aria-label], [aria-description]')) {
    labelled.removeAttribute('aria-label')
    labelled.removeAttribute('aria-description')
  }
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', summary)
  target.replaceChildren(svg, renderLegend(legend), ...(credit.textContent ? [credit] : []))
  return { svg, cells, rate, summary, table, hierarchies, legend }
}
