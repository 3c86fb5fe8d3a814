import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import { type InvalidUtf8Line, utf8LineCheck } from './utf8.ts'

/** One parsed CSV data line: its 1-based line number in the file and its fields by header name. */
export interface CsvRow {
  readonly line: number
  readonly values: Readonly<Record<string, string>>
}

/**
 * Streams a CSV file (UTF-8, comma, header line) row by row with line numbers, so that errors can
 * name the line and memory stays flat whatever the file size. csv-parse reads bytes that are not
 * UTF-8 as U+FFFD without a word: `onInvalidUtf8` hears of each line holding some (its physical
 * line, 1-based), before the row it is part of.
 */
export async function* readCsv(
  path: string,
  options: { onInvalidUtf8?: (line: InvalidUtf8Line) => void } = {},
): AsyncGenerator<CsvRow> {
  const file = createReadStream(path)
  const bytes = options.onInvalidUtf8 ? file.pipe(utf8LineCheck(options.onInvalidUtf8)) : file
  const parser = bytes.pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      info: true,
    }),
  )
  // pipe() does not forward errors: a missing file must reach the caller's try, not crash the process.
  file.on('error', (error) => parser.destroy(error))
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>
    info: { lines: number }
  }>) {
    yield { line: info.lines, values: record }
  }
}

/** Reads a whole small CSV file (code lists) into rows. */
export async function readCsvAll(path: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = []
  for await (const row of readCsv(path)) rows.push(row)
  return rows
}

/** Quotes one CSV field when it needs it (RFC 4180). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

// A spreadsheet reads a cell opening with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/

/**
 * A text cell that a spreadsheet would run as a formula, prefixed with `'` so that it shows as
 * text: a partner's free text (an offer reference such as `=HYPERLINK(…)`) must not run in a
 * co-funder's spreadsheet, next to the NIRs of its export. Numbers, signed ones included, stay as
 * they are.
 */
export function spreadsheetSafe<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)
    ? `'${value}`
    : value
}

/** One CSV line (without its newline). */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',')
}
