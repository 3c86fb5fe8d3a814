/**
 * From a published table to the cells a chart draws: one per code of the breakdown (and per series),
 * every other dimension at its filter or at the total. Pure, so that charts, maps, the explorer's CSV
 * and tests share one selection.
 */
import { breakdownCodes, flatHierarchy, type Hierarchy, labelOf } from './hierarchy.ts'
import { type PublishedTable, type Row, TOTAL } from './published-table.ts'

/** What the reader sees for a cell: a value, a secret, an undefined rate, or nothing published. */
export type CellState = 'value' | 'secret' | 'undefined' | 'absent'

/** A status of the publication: V published, A/B primary secret, D secondary secret. */
export type Status = 'V' | 'A' | 'B' | 'D'

/** One drawn cell. `value` is null unless `state` is `value`. */
export interface Cell {
  readonly x: string
  readonly xLabel: string
  readonly series: string | null
  readonly seriesLabel: string | null
  readonly value: number | null
  /** Wilson 95 % interval of a rate, when the table has one. */
  readonly low: number | null
  readonly high: number | null
  readonly status: Status | null
  readonly state: CellState
  /** The row behind the cell (all its dimensions and measures), null when absent. */
  readonly row: Row | null
}

/** Which cells to take: the part of a ChartSpec that does not concern drawing. */
export interface CellQuery {
  readonly measure: string
  readonly x?: string
  readonly series?: string
  /** Level of the `x` dimension to show (`region`, `departement`, `annee`…); default: the level below the filter. */
  readonly level?: string
  readonly filters: Readonly<Record<string, string>>
}

const SECRET = new Set(['A', 'B', 'D'])

/** The state of a measure in a row (see the statuses in `src/publish/README.md`). */
export function stateOf(row: Row | undefined, measure: string): CellState {
  if (!row) return 'absent'
  const status = row[`${measure}_statut`]
  if (typeof status === 'string' && SECRET.has(status)) return 'secret'
  return typeof row[measure] === 'number' ? 'value' : 'undefined'
}

/** True when the measure is a rate: it has an interval, or its name says so. */
export function isRate(table: Pick<PublishedTable, 'columns'>, measure: string): boolean {
  return table.columns.some((c) => c.name === `${measure}_ic_bas`) || /^(taux|part|proportion)_/.test(measure)
}

/** True for a measure in euros: the amounts are named `montant_…` in every dataset definition. */
export function isEuro(measure: string): boolean {
  return measure.startsWith('montant_')
}

function hierarchyFor(
  table: PublishedTable,
  hierarchies: ReadonlyMap<string, Hierarchy>,
  dimension: string,
): Hierarchy {
  return (
    hierarchies.get(dimension) ?? flatHierarchy(new Set(table.rows.map((r) => String(r[dimension] ?? TOTAL))))
  )
}

const number = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/**
 * The cells of `query`, x-major then series, in hierarchy order.
 * @example selectCells(table, hierarchies, { measure: 'nb_entrees', x: 'territoire', filters: { periode: '2025' } })
 */
export function selectCells(
  table: PublishedTable,
  hierarchies: ReadonlyMap<string, Hierarchy>,
  query: CellQuery,
): Cell[] {
  const { measure, x, series, filters } = query
  const keyOf = (values: (dimension: string) => string) =>
    table.dimensions.map((d) => values(d)).join('\u0000')
  const index = new Map<string, Row>()
  for (const row of table.rows)
    index.set(
      keyOf((d) => String(row[d] ?? '')),
      row,
    )
  const codesOf = (dimension: string | undefined, level?: string): (string | null)[] => {
    if (!dimension) return [null]
    const hierarchy = hierarchyFor(table, hierarchies, dimension)
    return breakdownCodes(hierarchy, filters[dimension] ?? TOTAL, level)
  }
  const xHierarchy = x ? hierarchyFor(table, hierarchies, x) : undefined
  const seriesHierarchy = series ? hierarchyFor(table, hierarchies, series) : undefined
  const cells: Cell[] = []
  for (const xCode of codesOf(x, query.level)) {
    for (const seriesCode of codesOf(series)) {
      const row = index.get(
        keyOf((d) =>
          d === x && xCode ? xCode : d === series && seriesCode ? seriesCode : (filters[d] ?? TOTAL),
        ),
      )
      const state = stateOf(row, measure)
      const status = row?.[`${measure}_statut`]
      cells.push({
        x: xCode ?? TOTAL,
        xLabel: xCode ? labelOf(xHierarchy, xCode) : 'Ensemble',
        series: seriesCode,
        seriesLabel: seriesCode ? labelOf(seriesHierarchy, seriesCode) : null,
        value: state === 'value' ? number(row?.[measure]) : null,
        low: state === 'value' ? number(row?.[`${measure}_ic_bas`]) : null,
        high: state === 'value' ? number(row?.[`${measure}_ic_haut`]) : null,
        status: typeof status === 'string' ? (status as Status) : null,
        state,
        row: row ?? null,
      })
    }
  }
  return cells
}
