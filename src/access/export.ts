import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { csvLine } from '../lib/csv.ts'
import { recordRead } from './audit.repository.ts'
import { withPartner } from './partner-tx.ts'

/** Columns of the export: one line per record the caller may read (its own and its co-funders'). */
export const EXPORT_COLUMNS = [
  'shared_dossier_id',
  'partner',
  'record_id',
  'yours',
  'nir',
  'birth_name',
  'usual_name',
  'first_names',
  'birth_date',
  'sex',
  'residence_commune',
  'qpv',
  'identity_certified',
  'dispositif',
  'status',
  'status_at_entry',
  'certification_type',
  'certification_code',
  'certification_level',
  'organism_siret',
  'offer_ref',
  'modality',
  'planned_start',
  'planned_end',
  'planned_hours',
  'entry_date',
  'exit_date',
  'exit_reason',
  'hours_completed',
  'certification_result',
  'committed',
  'version',
  'updated_at',
] as const

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null> & {
  partner_id: number
}

/** Rows per transaction: memory stays flat whatever the partner holds. */
export const EXPORT_BATCH = 2000

/**
 * The caller's nominative data as CSV lines, read in batches by key (partner, record id), each
 * batch in its own scoped transaction with its audit row, so that an export of any size never
 * holds more than one batch in memory nor one long transaction.
 */
export async function* exportLines(
  db: Kysely<Database>,
  partnerId: number,
  actor: string,
  batch = EXPORT_BATCH,
): AsyncGenerator<string> {
  yield `${EXPORT_COLUMNS.join(',')}\n`
  let after: [number, string] = [0, '']
  for (;;) {
    const rows = await withPartner(db, partnerId, async (scope) => {
      const { rows } = await sql<ExportRow>`
        select d.shared_dossier_id, p.code as partner, d.partner_id, d.record_id, d.partner_id = ${partnerId} as yours,
          i.nir, i.birth_name, i.usual_name, i.first_names, d.birth_date, d.sex, d.residence_commune, d.qpv,
          d.identity_certified, d.dispositif, d.status, d.status_at_entry, d.certification_type, d.certification_code,
          d.certification_level, d.organism_siret, d.offer_ref, d.modality, d.planned_start, d.planned_end,
          d.planned_hours, d.entry_date, d.exit_date, d.exit_reason, d.hours_completed, d.certification_result,
          d.committed, d.version, to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at
        from dossier_current d
        join partner p on p.id = d.partner_id
        left join person_identity i on i.partner_id = d.partner_id and i.record_type = 'dossier' and i.record_id = d.record_id
        where (d.partner_id, d.record_id collate "C") > (${after[0]}, ${after[1]} collate "C")
        order by d.partner_id, d.record_id collate "C"
        limit ${batch}`.execute(scope.db)
      if (rows.length > 0)
        await recordRead(scope, {
          actor,
          route: 'GET /api/v1/export.csv',
          dossiers: rows.filter((r) => r.yours).map((r) => String(r.record_id)),
        })
      return rows
    })
    if (rows.length === 0) return
    yield rows.map((r) => `${csvLine(EXPORT_COLUMNS.map((c) => r[c]))}\n`).join('')
    const last = rows.at(-1)!
    after = [last.partner_id, String(last.record_id)]
    if (rows.length < batch) return
  }
}
