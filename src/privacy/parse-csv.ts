/**
 * A small CSV reader for the operator's files (text in, records out): the library stays pure, the
 * CLI passes the text it read.
 * @module
 */

/** One parsed record with its 1-based line number in the file. */
export interface CsvRecord {
  readonly line: number
  readonly fields: readonly string[]
}

/** Parsed CSV: header fields and data records. */
export interface CsvText {
  readonly header: readonly string[]
  readonly records: readonly CsvRecord[]
}

/**
 * Parses CSV text (`,` or `;` separated, detected from the header; double quotes allowed; blank
 * lines and `#` comment lines skipped).
 */
export function parseCsv(text: string, options: { header?: boolean } = {}): CsvText {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const first = lines.find((l) => l.trim() !== '' && !l.startsWith('#')) ?? ''
  const separator = first.includes(';') && !first.includes(',') ? ';' : ','
  const records: CsvRecord[] = []
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return
    records.push({ line: i + 1, fields: splitLine(raw, separator) })
  })
  if (options.header === false) return { header: [], records }
  const [head, ...rest] = records
  return { header: head ? head.fields.map((f) => f.trim()) : [], records: rest }
}

function splitLine(line: string, separator: string): string[] {
  const fields: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"'
        i++
      } else if (ch === '"') quoted = false
      else current += ch
    } else if (ch === '"') quoted = true
    else if (ch === separator) {
      fields.push(current)
      current = ''
    } else current += ch
  }
  fields.push(current)
  return fields
}

/** Quotes a field for CSV output when needed. */
export function csvField(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
