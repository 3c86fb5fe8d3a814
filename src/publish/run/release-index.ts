/**
 * The release-level files: `releases.json` (every release still online, for the site and its Atom
 * feed) and `audit.json` (the protection report of the release). Pure.
 * @module
 */
import type { ProtectionReport, SuppressionSummary } from '../../privacy/index.ts'
import { MIN_SUM_FOR_SHARE, type ReleaseSummary } from '../docs/index.ts'

/** One release in `releases.json`. */
export interface ReleaseEntry {
  readonly date: string
  readonly asOf: string
  readonly datasets: readonly { readonly slug: string; readonly title: string }[]
  /** Releases taken down with this one (`publish --withdraw`); absent when none. */
  readonly withdrawn?: readonly string[]
}

/** `releases.json`: newest first; `latest` is the one under `datasets/`. */
export function releaseIndex(current: ReleaseEntry, earlier: readonly ReleaseEntry[]): string {
  const releases = [current, ...earlier.filter((e) => e.date !== current.date)].sort((a, b) =>
    b.date.localeCompare(a.date),
  )
  return `${JSON.stringify({ latest: current.date, releases }, null, 2)}\n`
}

/** The entry of a release, from its dataset summaries. */
export function releaseEntry(
  date: string,
  asOf: string,
  summaries: readonly ReleaseSummary[],
  withdrawn: readonly string[] = [],
): ReleaseEntry {
  return {
    date,
    asOf,
    datasets: summaries.map((s) => ({ slug: s.slug, title: s.title })),
    ...(withdrawn.length > 0 ? { withdrawn } : {}),
  }
}

/** What `audit.json` holds. */
export interface AuditInput {
  readonly date: string
  readonly asOf: string
  readonly report: ProtectionReport
  /** Cells suppressed by earlier releases still online, kept suppressed. */
  readonly carriedOver: number
  readonly releasesOnline: readonly string[]
}

/** `audit.json`: the verdict, the rules' effect per table and over the set, the solver's work. */
export function auditFile(input: AuditInput): string {
  const { report } = input
  const audit = {
    release: input.date,
    asOf: input.asOf,
    ok: report.audit?.ok === true && report.issues.length === 0,
    releasesOnline: input.releasesOnline,
    carriedOverCells: input.carriedOver,
    // Cells a release online published that the rates' rules would now hide (hiding nothing).
    ...(report.republished && report.republished.length > 0 ? { republishedCells: report.republished } : {}),
    // How many primaries only the attacker who ignores the statuses cannot narrow (not which).
    ...(report.relaxed && report.relaxed.length > 0
      ? { cellsProtectedIgnoringStatuses: report.relaxed.length }
      : {}),
    audit: report.audit
      ? { checked: report.audit.checked, singletonChecks: report.audit.singletonChecks, ok: report.audit.ok }
      : null,
    set: {
      ...publicFigures(report.set),
      distinctCells: report.set.distinctCells,
      relations: report.set.relations,
    },
    tables: report.tables.map((t) => ({ name: t.name, ...publicFigures(t) })),
    // Work done, not time taken: the file is the same for the same data.
    solver: { lpSolved: report.solver.lpSolved, patterns: report.solver.patterns },
  }
  return `${JSON.stringify(audit, null, 2)}\n`
}

/**
 * Figures about suppression that reveal nothing: the exact sum of suppressed counts would be one
 * more equation for an attacker, so only its share, rounded to the percent, and only on large
 * tables (the same rule as the documentation pages).
 */
function publicFigures(summary: SuppressionSummary) {
  return {
    cells: summary.cells,
    byStatus: summary.byStatus,
    cellsSuppressedShare: summary.cellsSuppressedShare,
    countSuppressedPercent:
      summary.persons >= MIN_SUM_FOR_SHARE ? Math.round(summary.personsSuppressedShare * 100) : null,
  }
}
