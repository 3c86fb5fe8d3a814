/**
 * Step 4 of publication: every table aggregated at every level on its fact table, then turned
 * into the privacy library's input (README.md).
 * @module
 */
export {
  AGGREGATION_SETTINGS,
  aggregateTable,
  aggregateTables,
  dropAggregationLeftovers,
} from './aggregate-table.ts'
export { plainGroupingSetsSql } from './plain-sql.ts'
export { UNKNOWN_CONTRIBUTOR } from './read-cells.ts'
export {
  type AggregateIssue,
  type HierarchyEntry,
  type TableInputResult,
  toTableInput,
} from './to-table-input.ts'
export { type AggregatedCell, type AggregatedTable, TOTAL } from './types.ts'
