/**
 * The follow-up measures of a row that pools cohorts (all periods, or a table without periods) are
 * those of the cell of its observed cohorts (`nb_connus_6m` on an all-periods row is the count of
 * the cohorts observed at 6 months, run/observed-cohorts.ts), which the protection judged as a cell
 * of its own. The row shows them, and the rates and numerators over them, only when that cell is
 * published; otherwise they take its status, the row's count staying. A table without periods is
 * protected by year, every year internal (observed-cohorts.ts `byInternalPeriods`): its own
 * internal cells hold its rows' observed cohorts. Before that cell took part in
 * the protection, the count minus `nb_connus_6m` told a suppressed count (a région's latest cohort).
 * @module
 */
import type { CellStatus, ProtectedRow, ProtectedTable } from '../../privacy/index.ts'
import { MEASURES, type MeasureName, type PopulationName } from '../definition/catalogue.ts'
import type { PooledCohorts } from '../run/observed-cohorts.ts'

/** A protected table of the release with what the check needs of its definition. */
export interface CoherenceTable {
  readonly table: ProtectedTable
  readonly population: PopulationName
  readonly measures: readonly MeasureName[]
}

const TOTAL = '_T'
const PERIOD = 'periode'

/**
 * Per published row that pools cohorts, the follow-up measures it must hide and the status they
 * take (that of the cell of its observed cohorts; `D` when no table of the population has it).
 * `pooled` gives, per population and horizon, that cell (release-tables.ts).
 */
export function pooledFollowUps(
  tables: readonly CoherenceTable[],
  pooled: ReadonlyMap<string, ReadonlyMap<number, PooledCohorts>>,
): Map<ProtectedRow, Map<MeasureName, CellStatus>> {
  const hidden = new Map<ProtectedRow, Map<MeasureName, CellStatus>>()
  const populations = new Set(tables.map((t) => t.population))
  for (const population of populations) {
    const mine = tables.filter((t) => t.population === population)
    const cells = cellStatuses(mine)
    for (const { table, measures } of mine) {
      const period = table.dimensions.indexOf(PERIOD)
      for (const [months, group] of followUpGroups(measures)) {
        const cell = pooled.get(population)?.get(months)
        if (cell?.kind !== 'cell') continue
        const rates = group.filter((m) => MEASURES[m].measure.kind === 'rate')
        for (const row of table.rows) {
          if (row.status !== 'V' || (period >= 0 && row.codes[period] !== TOTAL)) continue
          const others = table.dimensions.flatMap((d, i) =>
            i === period || row.codes[i] === TOTAL ? [] : [[d, row.codes[i]!] as const],
          )
          const found = cells.get(keyOf([...others, [PERIOD, cell.code]]))
          // A rate no table holding that cell publishes was judged nowhere: hidden, whatever it is.
          const judged = found !== undefined && rates.every((r) => found.measures.has(r))
          const shown = found && (judged || found.status !== 'V') ? found.status : 'D'
          if (shown === 'V') continue
          const names = hidden.get(row) ?? new Map<MeasureName, CellStatus>()
          hidden.set(row, names)
          for (const name of group) names.set(name, shown)
        }
      }
    }
  }
  return hidden
}

/**
 * Per horizon, the table's measures that count observed cohorts: the members (`nb_connus_6m`), the
 * rates over them and those rates' numerators.
 */
export function followUpGroups(measures: readonly MeasureName[]): Map<number, MeasureName[]> {
  const groups = new Map<number, MeasureName[]>()
  const add = (months: number, name: MeasureName) => {
    const group = groups.get(months) ?? []
    groups.set(months, group)
    if (!group.includes(name)) group.push(name)
  }
  for (const name of measures) {
    const info = MEASURES[name]
    if (info.followUpMonths !== undefined) add(info.followUpMonths, name)
    const { measure } = info
    if (measure.kind !== 'rate' && measure.kind !== 'ratio') continue
    const months = MEASURES[measure.denominator].followUpMonths
    if (months === undefined) continue
    add(months, name)
    if (measures.includes(measure.numerator)) add(months, measure.numerator)
  }
  return groups
}

/** A cell's identity across linked tables: its non-total codes, by dimension. */
function keyOf(codes: readonly (readonly [string, string])[]): string {
  return [...codes]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, c]) => `${d}=${c}`)
    .join('\u0001')
}

/**
 * The status of every cell of the tables, internal cells included, by identity, with the measures
 * of the tables that hold it (the rates judged there).
 */
function cellStatuses(
  tables: readonly CoherenceTable[],
): Map<string, { status: CellStatus; measures: Set<MeasureName> }> {
  const cells = new Map<string, { status: CellStatus; measures: Set<MeasureName> }>()
  for (const { table, measures } of tables)
    for (const [dimensions, row] of [
      ...table.rows.map((r) => [table.dimensions, r] as const),
      ...(table.internal ?? []).map((r) => [table.internalDimensions ?? table.dimensions, r] as const),
    ]) {
      const codes = dimensions.flatMap((d, i) =>
        row.codes[i] === TOTAL ? [] : [[d, row.codes[i]!] as const],
      )
      const key = keyOf(codes)
      const cell = cells.get(key) ?? { status: row.status, measures: new Set<MeasureName>() }
      cells.set(key, cell)
      for (const m of measures) cell.measures.add(m)
    }
  return cells
}
