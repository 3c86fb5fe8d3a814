/**
 * Turns a state read from a URL (possibly stale or hand-written) into a valid view of the data: each
 * choice is kept when the data has it, otherwise replaced by the first valid one.
 */
import type { DatasetInfo, TableInfo } from '../data/datapackage.ts'
import type { ChartKind, ExplorerState } from './state.ts'

/** What the resolver knows about the chosen table once loaded. */
export interface TableFacts {
  /** Levels of each dimension below its total (top first), from its hierarchy. */
  readonly levels: ReadonlyMap<string, readonly string[]>
  /** Codes each dimension takes in the table's rows. */
  readonly codes: ReadonlyMap<string, ReadonlySet<string>>
  /** Level of each code of each dimension (from its hierarchy; absent without one). */
  readonly codeLevels?: ReadonlyMap<string, ReadonlyMap<string, string>>
}

/**
 * True when `code` can frame a breakdown at `level` ("the départements within a région"): its level is
 * above `level` in the dimension's hierarchy. Maps always show the whole country.
 */
export function canFrame(facts: TableFacts, dimension: string, code: string, level: string): boolean {
  const levels = facts.levels.get(dimension) ?? []
  const own = facts.codeLevels?.get(dimension)?.get(code)
  return own !== undefined && levels.indexOf(own) >= 0 && levels.indexOf(own) < levels.indexOf(level)
}

/** A state where every field is set and valid, with the chart kinds the breakdown allows. */
export interface ResolvedState extends ExplorerState {
  readonly dataset: string
  readonly table: string
  readonly measure: string
  readonly breakdown: string
  readonly level: string
  readonly chart: ChartKind
  readonly kinds: readonly ChartKind[]
}

const pick = <T>(wanted: T | undefined, options: readonly T[]): T | undefined =>
  wanted !== undefined && options.includes(wanted) ? wanted : options[0]

/** The dataset a state shows: its own when published, else the first one. */
export function pickDataset(state: ExplorerState, slugs: readonly string[]): string | undefined {
  return pick(state.dataset, slugs)
}

/** The table a state shows within its dataset. */
export function pickTable(state: ExplorerState, dataset: DatasetInfo): TableInfo | undefined {
  const name = pick(
    state.table,
    dataset.tables.map((t) => t.name),
  )
  return dataset.tables.find((t) => t.name === name)
}

/** Map levels the site has boundaries for. */
const MAP_LEVELS = new Set(['region', 'departement'])

/**
 * The chart kinds a breakdown allows: bars always, a line over periods, a map of régions or
 * départements (one measure per territory: not with series compared side by side).
 */
export function chartKinds(breakdown: string, level: string, series?: string): ChartKind[] {
  const kinds: ChartKind[] = ['bar']
  if (breakdown.startsWith('periode')) kinds.push('line')
  if (breakdown.startsWith('territoire') && MAP_LEVELS.has(level) && !series) kinds.push('map')
  return kinds
}

/**
 * Completes `state` for `table`: measure, breakdown (a territorial one first), its level, a chart kind
 * the breakdown allows, and the filters that name a code of the table (on the breakdown itself, only a
 * code that frames it, e.g. a région around its départements, and not on a map).
 * @example resolveState({ filters: {} }, 'entrees', table, facts).chart // 'bar'
 */
export function resolveState(
  state: ExplorerState,
  dataset: string,
  table: TableInfo,
  facts: TableFacts,
): ResolvedState {
  const dimensions = table.dimensions.map((d) => d.name)
  const preferred = [
    ...dimensions.filter((d) => d.startsWith('territoire')),
    ...dimensions.filter((d) => !d.startsWith('territoire')),
  ]
  const breakdown = pick(state.breakdown, preferred) ?? ''
  const level = pick(state.level, facts.levels.get(breakdown) ?? []) ?? ''
  const series =
    state.series && state.series !== breakdown && dimensions.includes(state.series) ? state.series : undefined
  const kinds = chartKinds(breakdown, level, series)
  const fallback: ChartKind = kinds.includes('line') ? 'line' : 'bar'
  const chart = state.chart && kinds.includes(state.chart) ? state.chart : fallback
  const filters: Record<string, string> = {}
  for (const [dimension, code] of Object.entries(state.filters)) {
    if (!facts.codes.get(dimension)?.has(code) || dimension === series) continue
    if (dimension !== breakdown || (chart !== 'map' && canFrame(facts, dimension, code, level)))
      filters[dimension] = code
  }
  return {
    dataset,
    table: table.name,
    measure:
      pick(
        state.measure,
        table.measures.map((m) => m.name),
      ) ?? '',
    breakdown,
    ...(series ? { series } : {}),
    level,
    chart,
    kinds,
    filters,
  }
}
