/**
 * What the documentation and the changelog know of a release of a dataset, kept as JSON with the
 * release so that the next one can say what changed. Everything in it is public: figures that
 * could tell something of suppressed cells are rounded or withheld here, once.
 * @module
 */

import type { ProtectedTable, ProtectionReport, SuppressionSummary } from '../../privacy/index.ts'
import type { PopulationName } from '../definition/catalogue.ts'
import { POPULATIONS } from '../definition/catalogue.ts'
import type { DatasetDefinition, TableDefinition } from '../definition/types.ts'
import { tableColumns } from '../write/columns.ts'
import { TOTAL_CODE } from './columns.ts'
import { type PeriodRange, periodRange } from './periods.ts'

/** Suppressed cells of a table or of a dataset, by status. */
export interface SuppressionFigures {
  /** Cells published (every level), whatever their status. */
  readonly cells: number
  readonly byStatus: { readonly A: number; readonly B: number; readonly D: number }
  /**
   * Whole percent of the count measure (Σ over every cell of every level) that lies in suppressed
   * cells; null when withheld (see {@link MIN_SUM_FOR_SHARE}).
   */
  readonly countSuppressedPercent: number | null
}

/** One table of a release. Names are plain strings: an old release may use names since retired. */
export interface TableSummary {
  readonly name: string
  readonly title: string
  readonly population: PopulationName
  /** CSV rows (cells at every level). */
  readonly rows: number
  readonly columns: readonly string[]
  readonly periods: PeriodRange | null
  /** The count measure and its grand total (null when that cell is suppressed). */
  readonly count: { readonly measure: string; readonly total: number | null }
  readonly suppression: SuppressionFigures
}

/** One release of one dataset. */
export interface ReleaseSummary {
  readonly slug: string
  readonly title: string
  /** Release date, `YYYY-MM-DD` (the `releases/<date>/` folder). */
  readonly date: string
  /** Date of the data (state of the hub), `YYYY-MM-DD`. */
  readonly asOf: string
  /** Territories covered, as read (e.g. `France entière`, or régions). */
  readonly territories: readonly string[]
  /** Partners whose data the release contains, when known. */
  readonly partners?: number
  /** Measures and dimensions of the definition, in order of first use. */
  readonly measures: readonly string[]
  readonly dimensions: readonly string[]
  readonly tables: readonly TableSummary[]
  /** The dataset's tables together (sums over its tables). */
  readonly suppression: SuppressionFigures
}

/**
 * Below this Σ of the count measure over every cell, the share in suppressed cells is withheld.
 * The share gives the sum of the suppressed cells to within ±0.5 % of this Σ (it is rounded to the
 * percent); that sum is one more linear equation for an attacker, which on a small table could
 * bring a primary cell within its protection interval. From 20,000 on, the uncertainty (±100) is
 * wider than any combination of small cells it could narrow.
 */
export const MIN_SUM_FOR_SHARE = 20_000

type Counts = Pick<SuppressionSummary, 'cells' | 'byStatus' | 'persons' | 'personsSuppressed'>

/** Public figures from the report's counts (its `persons` are the protection variable: the count measure). */
export function suppressionFigures(counts: Counts): SuppressionFigures {
  const { A, B, D } = counts.byStatus
  return {
    cells: counts.cells,
    byStatus: { A, B, D },
    countSuppressedPercent:
      counts.persons < MIN_SUM_FOR_SHARE
        ? null
        : Math.round((100 * counts.personsSuppressed) / counts.persons),
  }
}

/** Inputs of {@link summariseRelease}. */
export interface SummariseInput {
  readonly definition: DatasetDefinition
  readonly date: string
  readonly asOf: string
  readonly territories: readonly string[]
  readonly partners?: number
  /** Protected tables of the release (at least this dataset's). */
  readonly tables: readonly Pick<ProtectedTable, 'name' | 'dimensions' | 'rows'>[]
  readonly report: Pick<ProtectionReport, 'tables'>
  /** Name a table was protected under (default: `slug/table`, as `../release` qualifies them). */
  readonly protectedName?: (table: TableDefinition) => string
}

/**
 * The summary of a dataset's release, from its definition, its protected tables and the report.
 * Throws when a table of the definition was not protected (a pipeline bug, not a user error).
 */
export function summariseRelease(input: SummariseInput): ReleaseSummary {
  const { definition } = input
  const nameOf = input.protectedName ?? ((t: TableDefinition) => `${definition.slug}/${t.name}`)
  const counts: Counts[] = []
  const tables = definition.tables.map((def): TableSummary => {
    const name = nameOf(def)
    const table = input.tables.find((t) => t.name === name)
    const report = input.report.tables.find((t) => t.name === name)
    if (!table || !report) throw new Error(`no protected table: ${name}`)
    counts.push(report)
    const periode = table.dimensions.indexOf('periode')
    const total = table.rows.find((row) => row.codes.every((c) => c === TOTAL_CODE))
    return {
      name: def.name,
      title: def.title,
      population: def.population,
      rows: table.rows.length,
      columns: tableColumns(def).map((c) => c.name),
      periods: periode < 0 ? null : periodRange(table.rows.map((row) => row.codes[periode]!)),
      count: { measure: POPULATIONS[def.population].count, total: total?.n ?? null },
      suppression: suppressionFigures(report),
    }
  })
  const sum = (pick: (c: Counts) => number) => counts.reduce((s, c) => s + pick(c), 0)
  const unique = (names: string[]) => [...new Set(names)]
  return {
    slug: definition.slug,
    title: definition.title,
    date: input.date,
    asOf: input.asOf,
    territories: input.territories,
    ...(input.partners === undefined ? {} : { partners: input.partners }),
    measures: unique(definition.tables.flatMap((t) => t.measures)),
    dimensions: unique(definition.tables.flatMap((t) => t.dimensions.map((d) => d.name))),
    tables,
    suppression: suppressionFigures({
      cells: sum((c) => c.cells),
      byStatus: {
        V: sum((c) => c.byStatus.V),
        A: sum((c) => c.byStatus.A),
        B: sum((c) => c.byStatus.B),
        D: sum((c) => c.byStatus.D),
      },
      persons: sum((c) => c.persons),
      personsSuppressed: sum((c) => c.personsSuppressed),
    }),
  }
}
