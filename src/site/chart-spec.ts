/**
 * The contract between the pages the build writes and the client bundle that draws charts and maps.
 *
 * A page holds `<figure class="psl-chart" data-spec='{ChartSpec as JSON}'>` with a `<figcaption>` and
 * a `<div class="psl-figure-table">`; `assets/passerelle.js` renders there the accessible table of
 * the chart's rows (from the published table it fetches, so that the page does not carry its data
 * twice), then draws the chart or map above it. Without JavaScript the div says where the numbers are.
 */
import type { ValueKind } from './format.ts'

/** What a figure draws: bars by one dimension, a line over periods, or a choropleth map. */
export type ChartKind = 'bar' | 'line' | 'map'

/** Territorial level a map colours: régions (`R..` codes) or départements (`D..` codes). */
export type MapLevel = 'region' | 'departement'

/** The declaration a `psl-chart` figure carries in its `data-spec` attribute. */
export interface ChartSpec {
  readonly kind: ChartKind
  /** Relative URL of the published table's JSON, `{root}datasets/<slug>/<table>.json`. */
  readonly data: string
  /** Measure column (its `<measure>_statut` and, for rates, `_ic_bas`/`_ic_haut` come with it). */
  readonly measure: string
  /** Dimension column along the x axis (bars: categories; line: the period column). */
  readonly x?: string
  /** Dimension column whose codes are drawn as separate series (colours, or grouped bars). */
  readonly series?: string
  /**
   * The level of `x` to show: for maps, the territorial level to colour (a {@link MapLevel}); else
   * any level of its hierarchy (`trimestre`, `departement`…). Default: the level below the filter.
   */
  readonly level?: string
  /** Dimension column → code. Every dimension not named here, nor `x`/`series`, is the total `_T`. */
  readonly filters: Readonly<Record<string, string>>
  /** Title of the chart (also its accessible name). */
  readonly title: string
  /** The table of the chart's rows under it; none for a figure drawn without one (the explorer's). */
  readonly table?: FigureTable
}

/** A measure's column in a figure's table. */
export interface TableColumn {
  readonly measure: string
  readonly label: string
  readonly kind: ValueKind
  /** A rate's 95 % interval: in a column of its own, or inline after the rate (wide tables). */
  readonly interval?: 'column' | 'inline'
}

/** The accessible table of a figure: one row per cell of the chart, headed by the breakdown's label. */
export interface FigureTable {
  /** Header of the first column (the breakdown), e.g. `Département`. */
  readonly header: string
  readonly columns: readonly TableColumn[]
  /** Relative prefix from the page to the site root (a secret cell links to the disclosure rules). */
  readonly root: string
}

/** The attribute that carries the spec on `figure.psl-chart`. */
export const CHART_SPEC_ATTRIBUTE = 'data-spec'
