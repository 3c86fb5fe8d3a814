/**
 * What changed in a dataset between two releases, as data (the French text is
 * `describe-change.ts`): tables, columns, periods, totals, suppression, measures, dimensions.
 * @module
 */

import { lastObservedYear } from '../indicators/cohort.ts'
import { formatShare } from './french.ts'
import type { PeriodRange } from './periods.ts'
import { FOLLOW_UPS } from './render-follow-up.ts'
import type { ReleaseSummary, SuppressionFigures, TableSummary } from './summary.ts'

/** Share of suppressed cells, and whole percent of the count measure suppressed (null: withheld). */
export interface SuppressionShares {
  readonly cells: number
  readonly count: number | null
}

/** One change, in the order the changelog lists them. */
export type ReleaseChange =
  | { readonly kind: 'first-release' }
  | { readonly kind: 'measure-added' | 'measure-removed'; readonly measure: string }
  | { readonly kind: 'dimension-added' | 'dimension-removed'; readonly dimension: string }
  | { readonly kind: 'partners-changed'; readonly previous: number; readonly current: number }
  | { readonly kind: 'table-added'; readonly table: string; readonly title: string; readonly rows: number }
  | { readonly kind: 'table-removed'; readonly table: string; readonly title: string }
  | {
      readonly kind: 'columns-added' | 'columns-removed'
      readonly table: string
      readonly columns: readonly string[]
    }
  | {
      readonly kind: 'periods-changed'
      readonly table: string
      readonly previous: PeriodRange
      readonly current: PeriodRange
    }
  | {
      readonly kind: 'total-changed'
      readonly table: string
      readonly measure: string
      readonly previous: number | null
      readonly current: number | null
    }
  | {
      /** A follow-up cohort observed whole since the previous release (its rates now published). */
      readonly kind: 'cohort-observed'
      readonly measure: string
      readonly year: number
    }
  | {
      readonly kind: 'suppression-changed'
      readonly table: string
      readonly previous: SuppressionShares
      readonly current: SuppressionShares
    }

/** Shares of suppressed cells (exact) and of the count (whole percent) of a table. */
export function suppressionShares(s: SuppressionFigures): SuppressionShares {
  const suppressed = s.byStatus.A + s.byStatus.B + s.byStatus.D
  return { cells: s.cells === 0 ? 0 : suppressed / s.cells, count: s.countSuppressedPercent }
}

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x))

/**
 * The changes from `previous` to `current`; `[{ kind: 'first-release' }]` when there is no
 * previous release. A change of the suppressed shares that does not show in print (cells to
 * 0.1 point, the count to the percent) is not a change.
 * @example diffReleases(undefined, current) // [{ kind: 'first-release' }]
 */
export function diffReleases(previous: ReleaseSummary | undefined, current: ReleaseSummary): ReleaseChange[] {
  if (!previous) return [{ kind: 'first-release' }]
  const changes: ReleaseChange[] = [
    ...minus(current.measures, previous.measures).map((measure) => ({
      kind: 'measure-added' as const,
      measure,
    })),
    ...minus(previous.measures, current.measures).map((measure) => ({
      kind: 'measure-removed' as const,
      measure,
    })),
    ...minus(current.dimensions, previous.dimensions).map((dimension) => ({
      kind: 'dimension-added' as const,
      dimension,
    })),
    ...minus(previous.dimensions, current.dimensions).map((dimension) => ({
      kind: 'dimension-removed' as const,
      dimension,
    })),
  ]
  if (
    previous.partners !== undefined &&
    current.partners !== undefined &&
    previous.partners !== current.partners
  )
    changes.push({ kind: 'partners-changed', previous: previous.partners, current: current.partners })
  // A cohort after the data's last period has no member: its closing is no news.
  const lastYear = Math.max(
    ...current.tables.map((t) => (t.periods ? Number(t.periods.last.slice(0, 4)) : 0)),
  )
  for (const followUp of FOLLOW_UPS) {
    if (!previous.measures.includes(followUp.measure) || !current.measures.includes(followUp.measure))
      continue
    const from = lastObservedYear(previous.asOf, followUp.months)
    const observed = lastObservedYear(current.asOf, followUp.months)
    const to = lastYear > 0 ? Math.min(observed, lastYear) : observed
    for (let year = from + 1; year <= to; year++)
      changes.push({ kind: 'cohort-observed', measure: followUp.measure, year })
  }
  for (const table of current.tables) {
    const before = previous.tables.find((t) => t.name === table.name)
    if (before) changes.push(...diffTable(before, table))
    else changes.push({ kind: 'table-added', table: table.name, title: table.title, rows: table.rows })
  }
  for (const table of previous.tables) {
    if (!current.tables.some((t) => t.name === table.name))
      changes.push({ kind: 'table-removed', table: table.name, title: table.title })
  }
  return changes
}

function diffTable(previous: TableSummary, current: TableSummary): ReleaseChange[] {
  const table = current.name
  const changes: ReleaseChange[] = []
  const added = minus(current.columns, previous.columns)
  const removed = minus(previous.columns, current.columns)
  if (added.length > 0) changes.push({ kind: 'columns-added', table, columns: added })
  if (removed.length > 0) changes.push({ kind: 'columns-removed', table, columns: removed })
  const [was, is] = [previous.periods, current.periods]
  if (was && is && (was.first !== is.first || was.last !== is.last))
    changes.push({ kind: 'periods-changed', table, previous: was, current: is })
  if (previous.count.measure === current.count.measure && previous.count.total !== current.count.total) {
    const { measure } = current.count
    changes.push({
      kind: 'total-changed',
      table,
      measure,
      previous: previous.count.total,
      current: current.count.total,
    })
  }
  const [before, after] = [suppressionShares(previous.suppression), suppressionShares(current.suppression)]
  if (formatShare(before.cells) !== formatShare(after.cells) || before.count !== after.count)
    changes.push({ kind: 'suppression-changed', table, previous: before, current: after })
  return changes
}
