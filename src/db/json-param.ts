import { type RawBuilder, sql } from 'kysely'

/**
 * Passes many rows as one JSON text parameter, read back with `json_to_recordset`. One parameter
 * keeps statements small to parse and plan (PERF-LIMITS §2.1: thousands of VALUES parameters are
 * what makes batched inserts slow), and it works the same on node-pg and PGlite.
 */
export function jsonRows(rows: readonly object[]): RawBuilder<unknown> {
  return sql`${JSON.stringify(rows)}::json`
}

/**
 * A text array built from one JSON parameter, for `column = any(...)`. The array is computed once
 * (an InitPlan), so the planner uses the column's index; `in (select json_array_elements_text(…))`
 * would be planned as a semi-join over a sequential scan.
 */
export function textArray(values: Iterable<string>): RawBuilder<unknown> {
  return sql`array(select json_array_elements_text(${JSON.stringify([...values])}::json))`
}
