/**
 * The contract between the pages the build writes and the client bundle that draws charts and maps.
 *
 * A page holds `<figure class="psl-chart" data-spec='{ChartSpec as JSON}'>` with a `<figcaption>` and an
 * accessible `<table>` of the same numbers; `assets/passerelle.js` draws the chart or map above the
 * table, which stays as the text alternative.
 */

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
  /** For maps: the level of the `territoire`-like dimension to colour. */
  readonly level?: MapLevel
  /** Dimension column → code. Every dimension not named here, nor `x`/`series`, is the total `_T`. */
  readonly filters: Readonly<Record<string, string>>
  /** Title of the chart (also its accessible name). */
  readonly title: string
}

/** The attribute that carries the spec on `figure.psl-chart`. */
export const CHART_SPEC_ATTRIBUTE = 'data-spec'
