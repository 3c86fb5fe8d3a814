import { basename } from 'node:path'
import { type CsvRow, readCsv } from '../../lib/csv.ts'
import { fileErrorReason } from '../../lib/file-error.ts'
import type { InvalidUtf8Line } from '../../lib/utf8.ts'
import { PARTNER_KINDS, type PartnerKind } from '../../partners/partner.repository.ts'
import { type PartnerName, parsePartnerName, partnerNameError } from '../../partners/partner-name.ts'

/** A partner code: what `partners add --code` takes, and what a partners file may hold. */
export const PARTNER_CODE = /^[A-Z0-9_]{2,24}$/

/** A partner of a partners file, with the line it is on. */
export interface PartnerLine {
  readonly line: number
  readonly code: string
  readonly name: PartnerName
  readonly kind: PartnerKind
}

/**
 * Reads a partners file (`code,name,kind`, the `partners.csv` that `generate` writes), checking
 * every line: the partners, or every problem found, each naming the file, the line, the field,
 * the value and the rule.
 */
export async function readPartnersFile(path: string): Promise<{ partners: PartnerLine[]; errors: string[] }> {
  const file = basename(path)
  const rows: CsvRow[] = []
  const notUtf8: InvalidUtf8Line[] = []
  try {
    for await (const row of readCsv(path, { onInvalidUtf8: (line) => notUtf8.push(line) })) rows.push(row)
  } catch (error) {
    return { partners: [], errors: [csvError(file, error, rows.at(-1)?.line ?? 1)] }
  }
  // A file saved as Windows-1252 reads as names holding U+FFFD where its accents were: refused
  // whole, each such line named, since every name of it may be damaged.
  if (notUtf8.length > 0)
    return { partners: [], errors: notUtf8.map(({ line, message }) => `${file}:${line}: ${message}`) }
  const missing = ['code', 'name', 'kind'].filter((column) => rows.length > 0 && !(column in rows[0]!.values))
  if (rows.length === 0)
    return {
      partners: [],
      errors: [`${file}: no partner in it (header code,name,kind, then a line per partner)`],
    }
  if (missing.length > 0)
    return {
      partners: [],
      errors: [`${file}: the header lacks ${missing.join(', ')} (it must name code,name,kind)`],
    }
  const partners: PartnerLine[] = []
  const errors: string[] = []
  const seen = new Map<string, number>()
  for (const { line, values } of rows) {
    const code = (values.code ?? '').trim()
    const name = parsePartnerName(values.name ?? '')
    const kind = (values.kind ?? '').trim().toUpperCase()
    const at = `${file}:${line}`
    const before = errors.length
    if (!PARTNER_CODE.test(code))
      errors.push(`${at}: code "${code}" is not a partner code (2–24 characters A–Z, 0–9, _)`)
    else if (seen.has(code)) errors.push(`${at}: code "${code}" is already on line ${seen.get(code)}`)
    if (!name.ok) errors.push(`${at}: ${partnerNameError('name', values.name ?? '', name.problem)}`)
    if (!PARTNER_KINDS.includes(kind as PartnerKind))
      errors.push(`${at}: kind "${values.kind ?? ''}" is not one of ${PARTNER_KINDS.join(', ')}`)
    if (!seen.has(code)) seen.set(code, line)
    if (errors.length === before && name.ok)
      partners.push({ line, code, name: name.name, kind: kind as PartnerKind })
  }
  return { partners, errors }
}

/**
 * A file that cannot be read as CSV, named with its line: csv-parse's errors carry `lines`, the
 * line it stopped on. An unclosed quote is reported where its record starts (after `lastLine`,
 * the last line read whole): csv-parse stops only at the end of the file, which the quote ran to.
 */
function csvError(file: string, error: unknown, lastLine: number): string {
  const e = error as NodeJS.ErrnoException & { lines?: number; record?: unknown[]; columns?: unknown[] }
  if (typeof e.lines !== 'number') return `${file}: cannot read it: ${fileErrorReason(e)}`
  if (e.code === 'CSV_QUOTE_NOT_CLOSED')
    return `${file}:${lastLine + 1}: a quote opened in this line is not closed (the file ends inside it, line ${e.lines})`
  if (e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' && Array.isArray(e.record) && Array.isArray(e.columns))
    return `${file}:${e.lines}: ${e.record.length} fields, where the header has ${e.columns.length} (code,name,kind; a name holding a comma goes in double quotes)`
  return `${file}:${e.lines}: cannot read it as CSV: ${e.message} (${e.code})`
}
