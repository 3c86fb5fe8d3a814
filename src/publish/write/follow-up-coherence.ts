/**
 * The follow-up denominators (`nb_connus_6m`, `nb_connus_12m`, `nb_suivis_connus`: the members of
 * cohorts observed whole, `followUpMonths`) are each the sum of the counts of the observed
 * cohorts under their cell. On a cell that pools cohorts (all periods, or a table without
 * periods), the count minus it is the count of the cohorts not observed yet: a relation between a
 * measure and counts that the protection does not model. Published beside the count, it told a
 * count the protection had hidden (a région's latest cohort, from its all-periods row). So such a
 * cell shows its follow-up denominator, and the rates over it, only when every cell of its
 * unobserved cohorts is published: then the difference is public already. Otherwise they are
 * hidden (`D`), the count staying.
 * @module
 */
import type { CellStatus, ProtectedRow, ProtectedTable } from '../../privacy/index.ts'
import { MEASURES, type MeasureName, type PopulationName } from '../definition/catalogue.ts'

/** A protected table of the release with what the check needs of its definition. */
export interface CoherenceTable {
  readonly table: ProtectedTable
  readonly population: PopulationName
  readonly measures: readonly MeasureName[]
}

const TOTAL = '_T'
const PERIOD = 'periode'
const YEAR = /^\d{4}$/

/** Per published row that pools observed and unobserved cohorts, the follow-up measures it must hide. */
export function pooledFollowUps(tables: readonly CoherenceTable[]): Map<ProtectedRow, Set<MeasureName>> {
  const hidden = new Map<ProtectedRow, Set<MeasureName>>()
  const populations = new Set(tables.map((t) => t.population))
  for (const population of populations) {
    const mine = tables.filter((t) => t.population === population)
    const status = cellStatuses(mine.map((t) => t.table))
    const followUps = new Set(
      mine.flatMap((t) => t.measures.filter((m) => MEASURES[m].followUpMonths !== undefined)),
    )
    for (const measure of followUps) {
      const holding = mine.filter((t) => t.measures.includes(measure))
      const unobserved = unobservedYears(holding, measure)
      if (unobserved.length === 0) continue
      for (const { table } of holding) {
        const period = table.dimensions.indexOf(PERIOD)
        for (const row of table.rows) {
          if (row.status !== 'V' || (period >= 0 && row.codes[period] !== TOTAL)) continue
          const others = table.dimensions.flatMap((d, i) =>
            i === period || row.codes[i] === TOTAL ? [] : [[d, row.codes[i]!] as const],
          )
          const told = unobserved.every((year) => status.get(keyOf([...others, [PERIOD, year]])) === 'V')
          if (told) continue
          const names = hidden.get(row) ?? new Set<MeasureName>()
          hidden.set(row, names)
          names.add(measure)
        }
      }
    }
  }
  return hidden
}

/** A cell's identity across linked tables: its non-total codes, by dimension. */
function keyOf(codes: readonly (readonly [string, string])[]): string {
  return [...codes]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, c]) => `${d}=${c}`)
    .join('\u0001')
}

function cellStatuses(tables: readonly ProtectedTable[]): Map<string, CellStatus> {
  const status = new Map<string, CellStatus>()
  for (const table of tables)
    for (const row of table.rows) {
      const codes = table.dimensions.flatMap((d, i) =>
        row.codes[i] === TOTAL ? [] : [[d, row.codes[i]!] as const],
      )
      status.set(keyOf(codes), row.status)
    }
  return status
}

/**
 * The cohort years not known to be observed for a measure: a year is observed when its row with
 * every other dimension at its total is published with the measure equal to the count. A year
 * whose row is hidden is not known so, and counts as unobserved (more is hidden, never less).
 */
function unobservedYears(tables: readonly CoherenceTable[], measure: MeasureName): string[] {
  const years = new Map<string, boolean>()
  for (const { table } of tables) {
    const period = table.dimensions.indexOf(PERIOD)
    if (period < 0) continue
    for (const row of table.rows) {
      const year = row.codes[period]!
      if (!YEAR.test(year) || row.codes.some((c, i) => i !== period && c !== TOTAL)) continue
      const observed = row.status === 'V' && row.n !== null && row.measures[measure] === row.n
      years.set(year, (years.get(year) ?? false) || observed)
    }
  }
  return [...years].flatMap(([year, observed]) => (observed ? [] : [year])).sort()
}
