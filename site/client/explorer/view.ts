/**
 * One explorer view drawn: its title, the chart with legend, the source line and the accessible table
 * of the same cells. Shared by the explorer and its embeddable version.
 */
import type { ChartSpec } from '../../../src/site/chart-spec.ts'
import { formatDay } from '../../../src/site/format.ts'
import { type DrawnChart, drawChart } from '../charts/draw-chart.ts'
import type { Cell } from '../data/cells.ts'
import { labelOf } from '../data/hierarchy.ts'
import { TOTAL } from '../data/published-table.ts'
import { formatValue, STATE_TEXT } from '../format.ts'
import type { ExplorerModel } from './model.ts'

const fieldTitle = (model: ExplorerModel, name: string) =>
  [...model.tableInfo.dimensions, ...model.tableInfo.measures].find((f) => f.name === name)?.title ?? name

/**
 * The view's title: indicator, breakdown, then the filters' labels. A period neither drawn nor
 * chosen is the sum of every period (or a rate over all of them): the title says so, as a figure
 * without a year reads as the latest one.
 */
export function viewTitle(model: ExplorerModel): string {
  const { state } = model
  const filters = Object.entries(state.filters)
    .filter(([d, code]) => !(d.startsWith('periode') && code === TOTAL))
    .map(([d, code]) => labelOf(model.hierarchies.get(d), code))
  for (const { name } of model.tableInfo.dimensions)
    if (name.startsWith('periode') && name !== state.breakdown && name !== state.series)
      if ((state.filters[name] ?? TOTAL) === TOTAL) filters.push('toutes périodes confondues')
  const by = fieldTitle(model, state.breakdown).toLowerCase()
  const compared = state.series ? ` et ${fieldTitle(model, state.series).toLowerCase()}` : ''
  return `${fieldTitle(model, state.measure)} par ${by}${compared}${filters.length ? ` — ${filters.join(', ')}` : ''}`
}

/** The source line under the chart. */
export function viewSource(model: ExplorerModel): string {
  return `Source : Passerelle, jeu « ${model.dataset.title} », table ${model.table.table}, publication du ${formatDay(model.releaseDate)}.`
}

/** The ChartSpec of the view (the explorer draws through the same path as every page's figures). */
export function viewSpec(model: ExplorerModel): ChartSpec {
  const { state } = model
  return {
    kind: state.chart,
    data: model.dataUrl,
    measure: state.measure,
    x: state.breakdown,
    ...(state.series ? { series: state.series } : {}),
    // The level chosen, whatever the chart: with « Dans » at Ensemble, bars of quarters are not years.
    ...(state.level ? { level: state.level } : {}),
    filters: state.filters,
    title: viewTitle(model),
  }
}

function renderTable(model: ExplorerModel, cells: readonly Cell[], rate: boolean): HTMLTableElement {
  const table = document.createElement('table')
  table.className = 'psl-data-table'
  const caption = table.createCaption()
  caption.textContent = viewTitle(model)
  const interval = cells.some((c) => c.low !== null)
  const head = table.createTHead().insertRow()
  for (const text of [
    fieldTitle(model, model.state.breakdown),
    ...(model.state.series ? [fieldTitle(model, model.state.series)] : []),
    fieldTitle(model, model.state.measure),
    ...(interval ? ['Intervalle de confiance à 95 %'] : []),
  ]) {
    const th = document.createElement('th')
    th.scope = 'col'
    th.textContent = text
    head.append(th)
  }
  const body = table.createTBody()
  for (const cell of cells) {
    const tr = body.insertRow()
    const th = document.createElement('th')
    th.scope = 'row'
    th.textContent = cell.xLabel
    tr.append(th)
    if (model.state.series) {
      const series = document.createElement('th')
      series.scope = 'row'
      series.textContent = cell.seriesLabel ?? ''
      tr.append(series)
    }
    const td = tr.insertCell()
    td.className = 'num'
    if (cell.value !== null) td.textContent = formatValue(cell.value, rate)
    else if (cell.state === 'secret') {
      td.className = 'num secret'
      const abbr = document.createElement('abbr')
      abbr.title = STATE_TEXT.secret
      abbr.textContent = 'secret'
      td.append(abbr)
    } else if (cell.state === 'undefined') {
      // As the pages' own tables print it (src/site/cells.ts).
      const abbr = document.createElement('abbr')
      abbr.title = STATE_TEXT.undefined
      abbr.textContent = 'n.d.'
      td.append(abbr)
    } else td.textContent = STATE_TEXT.absent
    if (interval) {
      const ci = tr.insertCell()
      ci.className = 'num'
      ci.textContent =
        cell.low !== null && cell.high !== null
          ? `${formatValue(cell.low, rate)} – ${formatValue(cell.high, rate)}`
          : ''
    }
  }
  return table
}

/** Elements a view is drawn into (any may be absent: the embed has no table). */
export interface ViewTargets {
  readonly title: HTMLElement
  readonly chart: HTMLElement
  readonly source: HTMLElement
  readonly table?: HTMLElement
}

/** Draws the view of `model` into `targets`. */
export async function drawView(
  model: ExplorerModel,
  targets: ViewTargets,
  width: number,
): Promise<DrawnChart> {
  targets.title.textContent = viewTitle(model)
  const drawn = await drawChart(viewSpec(model), targets.chart, width)
  targets.source.textContent = viewSource(model)
  targets.table?.replaceChildren(renderTable(model, drawn.cells, drawn.rate))
  return drawn
}
