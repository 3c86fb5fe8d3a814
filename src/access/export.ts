import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { csvField, spreadsheetSafe } from '../lib/csv.ts'
import { recordRead } from './audit.repository.ts'
import { DOSSIER_COLUMNS } from './dossier-columns.ts'
import { type PartnerScope, withPartner } from './partner-tx.ts'

/**
 * Columns of the export: one line per record the caller may read (its own and its co-funders'), the
 * record and the identity the caller sent, then the dossier's columns.
 */
export const EXPORT_COLUMNS = [
  'shared_dossier_id',
  'partner',
  'record_id',
  'yours',
  'nir',
  'birth_name',
  'usual_name',
  'first_names',
  ...DOSSIER_COLUMNS,
] as const

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null> & {
  partner_id: number
}

/**
 * The two spellings of the export. `csv`: RFC 4180 quoting, comma, UTF-8 without a byte-order mark,
 * values as stored: for programs, which the API's callers are. `excel`: for a spreadsheet opened
 * by a double click, as partners' staff do (Excel in French reads a comma file as one column, and
 * without a BOM reads UTF-8 as Windows-1252): a BOM, semicolons, decimal commas, CRLF, and codes
 * made of digits written as text formulas (`="01053"`), or the spreadsheet turns commune 01053
 * into 1053 and a SIRET or a NIR into 4,80413E+13.
 */
export type ExportFormat = 'csv' | 'excel'

/** The columns whose digits are a code, not a number: a leading zero and every digit count. */
export const CODE_COLUMNS: ReadonlySet<string> = new Set([
  'shared_dossier_id',
  'record_id',
  'nir',
  'residence_commune',
  'status_at_entry',
  'certification_code',
  'organism_siret',
  'offer_ref',
])
const DECIMAL_COLUMNS: ReadonlySet<string> = new Set(['planned_hours', 'hours_completed', 'committed'])

type Cell = string | number | boolean | null

// A code of digits only becomes a formula of a constant string: nothing of it can run.
function excelCell(column: string, value: Cell): string {
  if (typeof value === 'string' && CODE_COLUMNS.has(column) && /^[0-9]+$/.test(value))
    return `"=""${value}"""`
  if (typeof value === 'number' && DECIMAL_COLUMNS.has(column)) return String(value).replace('.', ',')
  const text = value === null ? '' : String(spreadsheetSafe(value))
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One line of the export in `format`, with its line end, from its cells `[column, value]`. */
export function exportLine(format: ExportFormat, cells: readonly (readonly [string, Cell])[]): string {
  if (format === 'excel') return `${cells.map(([column, value]) => excelCell(column, value)).join(';')}\r\n`
  return `${cells.map(([, value]) => csvField(spreadsheetSafe(value))).join(',')}\n`
}

/** What a file of `format` opens with: for `excel`, the byte-order mark that says UTF-8. */
export function exportPreamble(format: ExportFormat): string {
  return format === 'excel' ? '\uFEFF' : ''
}

/** Rows per transaction: memory stays flat whatever the partner holds. */
export const EXPORT_BATCH = 2000

// Timestamps as the API writes them (UTC, to the second); the other columns as stored.
const dossierColumns = sql.join(
  DOSSIER_COLUMNS.map((c) =>
    c === 'updated_at'
      ? sql`to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at`
      : sql.ref(`d.${c}`),
  ),
)

const SELECT = sql`
  select d.shared_dossier_id, p.code as partner, d.partner_id, d.record_id,
    i.nir, i.birth_name, i.usual_name, i.first_names, ${dossierColumns}
  from dossier_current d
  join partner p on p.id = d.partner_id
  left join person_identity i on i.partner_id = d.partner_id and i.record_type = 'dossier' and i.record_id = d.record_id`

/** Where the export is: in the caller's own records (by id), then in its co-funders' (by group). */
type Position = { own: true; id: string } | { own: false; group: string; partner: number; id: string }

// Each batch walks an index from where the previous one stopped: the caller's records by
// (partner, record id), then the shared dossiers by group id, keeping the co-funders' records of
// the groups the caller belongs to. The whole export is one pass over each, whatever its size.
async function nextBatch(scope: PartnerScope, at: Position, batch: number): Promise<ExportRow[]> {
  const p = scope.partnerId
  if (at.own) {
    const { rows } = await sql<ExportRow>`${SELECT}
      where d.partner_id = ${p} and d.record_id > ${at.id} order by d.record_id limit ${batch}`.execute(
      scope.db,
    )
    return rows
  }
  const { rows } = await sql<ExportRow>`${SELECT}
    where d.shared_dossier_id is not null and d.partner_id <> ${p}
      and (d.shared_dossier_id, d.partner_id, d.record_id) > (${at.group}, ${at.partner}, ${at.id})
      and exists (select 1 from dossier_current m where m.shared_dossier_id = d.shared_dossier_id and m.partner_id = ${p})
    order by d.shared_dossier_id, d.partner_id, d.record_id limit ${batch}`.execute(scope.db)
  return rows
}

/** One batch of an export: its rows, how the audit row names them, and each row's cells. */
export interface ExportPage<R> {
  readonly rows: readonly R[]
  /** The records the batch shows, as the audit log names them. */
  readonly names: readonly string[]
  readonly cells: (row: R) => readonly (readonly [string, Cell])[]
}

/**
 * CSV lines in `format`: the header of `columns`, then batch after batch from `next`, each read
 * in its own scoped transaction with its audit row, so that an export of any size never holds
 * more than one batch in memory nor one long transaction. `next` answers undefined once done.
 */
export async function* auditedLines<R>(
  db: Kysely<Database>,
  partnerId: number,
  audit: { readonly actor: string; readonly route: string },
  format: ExportFormat,
  columns: readonly string[],
  next: (scope: PartnerScope) => Promise<ExportPage<R> | undefined>,
): AsyncGenerator<string> {
  yield exportPreamble(format) +
    exportLine(
      format,
      columns.map((c) => [c, c]),
    )
  for (;;) {
    const page = await withPartner(db, partnerId, async (scope) => {
      const found = await next(scope)
      if (found && found.rows.length > 0) await recordRead(scope, { ...audit, dossiers: found.names })
      return found
    })
    if (!page) return
    if (page.rows.length > 0) yield page.rows.map((r) => exportLine(format, page.cells(r))).join('')
  }
}

/**
 * The caller's nominative data as CSV lines: its own records (with the identity it sent), then its
 * co-funders' records of the shared dossiers it belongs to (without theirs), in batches of `batch`
 * ({@link auditedLines}). `format` spells the lines (ExportFormat).
 */
export function exportLines(
  db: Kysely<Database>,
  partnerId: number,
  actor: string,
  {
    route = 'GET /api/v1/export.csv',
    batch = EXPORT_BATCH,
    format = 'csv',
  }: { route?: string; batch?: number; format?: ExportFormat } = {},
): AsyncGenerator<string> {
  let at: Position | null = { own: true, id: '' }
  return auditedLines(db, partnerId, { actor, route }, format, EXPORT_COLUMNS, async (scope) => {
    if (at === null) return undefined
    const from: Position = at
    const rows = await nextBatch(scope, from, batch)
    const last = rows.at(-1)
    if (rows.length < batch) at = from.own ? { own: false, group: '', partner: 0, id: '' } : null
    else if (last)
      at = from.own
        ? { own: true, id: String(last.record_id) }
        : {
            own: false,
            group: String(last.shared_dossier_id),
            partner: last.partner_id,
            id: String(last.record_id),
          }
    return {
      rows,
      // Co-funders' records are named with their partner's code.
      names: rows.map((r) => (from.own ? String(r.record_id) : `${r.partner}:${r.record_id}`)),
      cells: (r: ExportRow) => EXPORT_COLUMNS.map((c) => [c, c === 'yours' ? from.own : r[c]] as const),
    }
  })
}
