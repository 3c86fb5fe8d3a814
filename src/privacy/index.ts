/**
 * Statistical disclosure control for Passerelle: tables in, protected tables and a report out.
 * Pure: no file, database or network access (see README.md).
 * @module
 */
export { applyPrimaryRules, type PrimaryMarks } from './apply-primary-rules.ts'
export { type AuditScope, auditSystem } from './audit-system.ts'
export { type AuditInput, type AuditTablesResult, auditTables } from './audit-tables.ts'
export { buildHierarchy, FLAT_ROOT, flatHierarchy, type Hierarchy } from './build-hierarchy.ts'
export { type BuiltTable, buildTable } from './build-table.ts'
export { componentTables } from './components.ts'
export type { Interval } from './compute-intervals.ts'
export {
  type GeneralisationHierarchy,
  type KAnonymityOptions,
  type KAnonymityResult,
  kAnonymize,
} from './k-anonymize.ts'
export { type CellSystem, linkTables } from './link-tables.ts'
export { csvField, parseCsv } from './parse-csv.ts'
export { DEFAULT_MIN_PERSONS, type PrimaryRules, resolveRules } from './primary-rules.ts'
export type { ProtectOptions, ProtectResult } from './protect-tables.ts'
export { protectTables } from './protect-tables.ts'
export type { ProtectedRow, ProtectedTable } from './protected-table.ts'
export type { AuditSummary, ProtectionReport, SuppressionSummary } from './report.ts'
export { suppressByRelations } from './suppress-by-relations.ts'
export {
  type SearchJob,
  type SearchOutcome,
  type SearchRunner,
  searchComponents,
  searchInTurn,
  suppressSecondary,
} from './suppress-secondary.ts'
export type {
  CellMeasureRow,
  CellRef,
  CellStatus,
  HierarchyRow,
  Issue,
  IssueCode,
  LeafRow,
  PublishedCell,
  RateInput,
  Result,
  TableInput,
} from './types.ts'
