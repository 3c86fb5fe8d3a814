/**
 * JSON text of a table: the same values as the CSV, typed.
 *
 * ```json
 * {
 *   "table": "sorties_region",
 *   "title": "…",
 *   "dimensions": ["territoire"],
 *   "columns": [{ "name": "territoire", "type": "string" }, { "name": "nb_sorties", "type": "integer" }, …],
 *   "rows": [{ "territoire": "_T", "nb_sorties": 120, "nb_sorties_statut": "V", … }, …]
 * }
 * ```
 *
 * Column types are the Table Schema types of `datapackage.json`; a suppressed or undefined value
 * is `null`. One row per line, so that files diff line by line.
 * @module
 */
import type { Column } from './columns.ts'
import type { Value } from './records.ts'

/** The JSON file of a table. */
export function toJson(
  table: { readonly name: string; readonly title: string },
  columns: readonly Column[],
  records: readonly (readonly Value[])[],
): string {
  const head = {
    table: table.name,
    title: table.title,
    dimensions: columns.filter((c) => c.role === 'dimension').map((c) => c.name),
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
  }
  const rows = records.map((record) =>
    JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.name, record[i]]))),
  )
  const body = Object.entries(head).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  )
  const list = rows.length === 0 ? '[]' : `[\n    ${rows.join(',\n    ')}\n  ]`
  return `{\n${[...body, `  "rows": ${list}`].join(',\n')}\n}\n`
}
