/**
 * Generated documentation of published datasets: the Markdown page of each dataset, the summary
 * of a release kept for the next changelog, and the release-level changelog entry. Pure.
 * @module
 */
export { type ColumnInfo, documentedColumns, keptLevels, TOTAL_CODE } from './columns.ts'
export { describeChange } from './describe-change.ts'
export { diffReleases, type ReleaseChange, type SuppressionShares } from './diff-releases.ts'
export { type PeriodRange, periodRange } from './periods.ts'
export { type DocumentationInput, renderDocumentation } from './render-documentation.ts'
export { type ReleaseNotesDataset, releaseNotesHeading, renderReleaseNotes } from './render-release-notes.ts'
export type { ProtectionContext } from './render-rules.ts'
export {
  MIN_SUM_FOR_SHARE,
  type ReleaseSummary,
  type SummariseInput,
  type SuppressionFigures,
  summariseRelease,
  type TableSummary,
} from './summary.ts'
