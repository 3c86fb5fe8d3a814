import { type RawBuilder, sql } from 'kysely'

/**
 * Passes many rows as one JSON text parameter, read back with `json_to_recordset`. One parameter
 * keeps statements small to parse and plan (PERF-LIMITS §2.1: thousands of VALUES parameters are
 * what makes batched inserts slow), and it works the same on node-pg and PGlite.
 */
export function jsonRows(rows: readonly object[]): RawBuilder<unknown> {
  return sql`${JSON.stringify(rows)}::json`
}

/** A set of text values for `in (...)`, as one JSON parameter. */
export function textSet(values: Iterable<string>): RawBuilder<unknown> {
  return sql`(select json_array_elements_text(${JSON.stringify([...values])}::json))`
}
