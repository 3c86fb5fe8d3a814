/**
 * The explorer's state and its place in the URL: every view is a query string, so that a link, a
 * reload, the back button and the embedded view all show the same chart.
 *
 * `?jeu=<dataset>&table=<table>&indicateur=<measure>&ventilation=<dimension>&comparer=<dimension>&niveau=<level>&graphique=bar|line|map`
 * followed by one `<dimension>=<code>` per filter (no dimension of the datasets has a reserved name).
 */

export type ChartKind = 'bar' | 'line' | 'map'

export interface ExplorerState {
  readonly dataset?: string
  readonly table?: string
  readonly measure?: string
  readonly breakdown?: string
  /** Dimension whose codes are compared side by side (grouped bars, one line each). */
  readonly series?: string
  readonly level?: string
  readonly chart?: ChartKind
  /** Dimension → code; a dimension not named is at its total. */
  readonly filters: Readonly<Record<string, string>>
}

const KEYS = {
  dataset: 'jeu',
  table: 'table',
  measure: 'indicateur',
  breakdown: 'ventilation',
  series: 'comparer',
  level: 'niveau',
  chart: 'graphique',
} as const

const RESERVED = new Set<string>(Object.values(KEYS))
const KINDS = new Set<string>(['bar', 'line', 'map'])

/**
 * Reads a state from a query string (unknown chart kinds are dropped; values are not checked against
 * the data here, see `resolveState`).
 * @example parseState('?jeu=insertion&territoire=R84').filters // { territoire: 'R84' }
 */
export function parseState(search: string): ExplorerState {
  const params = new URLSearchParams(search)
  const filters: Record<string, string> = {}
  for (const [key, value] of params) if (!RESERVED.has(key) && value !== '') filters[key] = value
  const get = (key: string) => params.get(key) || undefined
  const chart = get(KEYS.chart)
  return {
    ...(get(KEYS.dataset) ? { dataset: get(KEYS.dataset) } : {}),
    ...(get(KEYS.table) ? { table: get(KEYS.table) } : {}),
    ...(get(KEYS.measure) ? { measure: get(KEYS.measure) } : {}),
    ...(get(KEYS.breakdown) ? { breakdown: get(KEYS.breakdown) } : {}),
    ...(get(KEYS.series) ? { series: get(KEYS.series) } : {}),
    ...(get(KEYS.level) ? { level: get(KEYS.level) } : {}),
    ...(chart && KINDS.has(chart) ? { chart: chart as ChartKind } : {}),
    filters,
  }
}

/**
 * Writes a state as a query string (without `?`), in a fixed order so that one view has one URL;
 * filters at the total are left out.
 * @example formatState({ dataset: 'a', filters: { periode: '2025' } }) // 'jeu=a&periode=2025'
 */
export function formatState(state: ExplorerState): string {
  const params = new URLSearchParams()
  for (const [field, key] of Object.entries(KEYS)) {
    const value = state[field as keyof typeof KEYS]
    if (value) params.set(key, value)
  }
  for (const [dimension, code] of Object.entries(state.filters).sort(([a], [b]) => a.localeCompare(b)))
    if (code && code !== '_T') params.set(dimension, code)
  return params.toString()
}
