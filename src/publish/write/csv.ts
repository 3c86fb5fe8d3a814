/**
 * CSV text of a table or hierarchy file: UTF-8 without BOM, comma, header line, `\n` line ends,
 * RFC 4180 quoting; null is the empty field (a suppressed value is never written as 0).
 * @module
 */
import { csvLine } from '../../lib/csv.ts'
import type { Value } from './records.ts'

/** The CSV dialect written, as declared in `datapackage.json` (Frictionless CSV Dialect). */
export const CSV_DIALECT = {
  delimiter: ',',
  lineTerminator: '\n',
  quoteChar: '"',
  doubleQuote: true,
  header: true,
} as const

/** Header line and one line per record, each ended by `\n`. */
export function toCsv(header: readonly string[], records: readonly (readonly Value[])[]): string {
  const lines = [csvLine(header), ...records.map((r) => csvLine(r))]
  return `${lines.join('\n')}\n`
}
