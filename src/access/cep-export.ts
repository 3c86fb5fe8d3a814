import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { auditedLines, EXPORT_BATCH, type ExportFormat } from './export.ts'

/**
 * Columns of the CEP export: one line per accompaniment period the caller sent (CEP periods are
 * never shared: an operator reads its own), the identity it sent, then the period's current state.
 */
export const CEP_EXPORT_COLUMNS = [
  'record_id',
  'nir',
  'birth_name',
  'usual_name',
  'first_names',
  'birth_date',
  'sex',
  'residence_commune',
  'qpv',
  'identity_certified',
  'status_at_entry',
  'start_date',
  'end_date',
  'end_reason',
  'level',
  'project_type',
  'interviews',
  'cancelled',
  'version',
  'updated_at',
] as const

type CepRow = Record<(typeof CEP_EXPORT_COLUMNS)[number], string | number | boolean | null>

/**
 * How an audit row names a CEP period read: its id after `cep/`, apart from the caller's dossier
 * ids (a partner may use the same id for a dossier and a period) and from co-funders' `CODE:ID`.
 */
export const cepAuditName = (recordId: string): string => `cep/${recordId}`

// Walks cep_current_record (partner_id, record_id) from where the previous batch stopped.
async function nextBatch(db: Kysely<Database>, partnerId: number, after: string, batch: number) {
  const { rows } = await sql<CepRow>`
    select c.record_id, i.nir, i.birth_name, i.usual_name, i.first_names, c.birth_date, c.sex,
      c.residence_commune, c.qpv, c.identity_certified, c.status_at_entry, c.start_date, c.end_date,
      c.end_reason, c.level, c.project_type, c.interviews, c.cancelled, c.version,
      to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at
    from cep_current c
    left join person_identity i on i.partner_id = c.partner_id and i.record_type = 'cep' and i.record_id = c.record_id
    where c.partner_id = ${partnerId} and c.record_id > ${after}
    order by c.record_id limit ${batch}`.execute(db)
  return rows
}

/**
 * The caller's CEP periods as CSV lines in `format` (ExportFormat), with the identity it sent:
 * what a CEP operator reads back, as a funder reads its dossiers from `exportLines`. Batches of
 * `batch` rows ({@link auditedLines}): memory stays flat.
 */
export function cepExportLines(
  db: Kysely<Database>,
  partnerId: number,
  actor: string,
  {
    route = 'GET /api/v1/export-cep.csv',
    batch = EXPORT_BATCH,
    format = 'csv',
  }: { route?: string; batch?: number; format?: ExportFormat } = {},
): AsyncGenerator<string> {
  let after: string | null = ''
  return auditedLines(db, partnerId, { actor, route }, format, CEP_EXPORT_COLUMNS, async (scope) => {
    if (after === null) return undefined
    const rows = await nextBatch(scope.db, partnerId, after, batch)
    after = rows.length < batch ? null : String(rows.at(-1)!.record_id)
    return {
      rows,
      names: rows.map((r) => cepAuditName(String(r.record_id))),
      cells: (r: CepRow) => CEP_EXPORT_COLUMNS.map((c) => [c, r[c]] as const),
    }
  })
}
