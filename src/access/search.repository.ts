import { sql } from 'kysely'
import { foldAccents, foldedSql } from './accent-fold.ts'
import type { PartnerScope } from './partner-tx.ts'
import { type DossierQuery, nameKey } from './search.ts'

/** One line of a search result: the caller's record and who it is about. */
export interface DossierSummary {
  readonly id: string
  readonly sharedDossierId: string | null
  readonly birthName: string | null
  /** The usual name (nom d'usage) the caller sent, when it sent one. */
  readonly usualName: string | null
  readonly firstNames: string | null
  readonly birthDate: string
  readonly dispositif: string
  readonly status: string
  readonly plannedStart: string
  readonly exitDate: string | null
}

function like(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The caller's dossiers matching `query`, by record id, one page (and whether more follow). */
export async function searchDossiers(
  scope: PartnerScope,
  query: DossierQuery,
): Promise<{ items: DossierSummary[]; hasMore: boolean }> {
  const { db, partnerId } = scope
  let q = db
    .selectFrom('dossier_current as d')
    .leftJoin('person_identity as i', (j) =>
      j
        .onRef('i.partner_id', '=', 'd.partner_id')
        .on('i.record_type', '=', 'dossier')
        .onRef('i.record_id', '=', 'd.record_id'),
    )
    .select([
      'd.record_id as id',
      'd.shared_dossier_id as sharedDossierId',
      'i.birth_name as birthName',
      'i.usual_name as usualName',
      'i.first_names as firstNames',
      'd.birth_date as birthDate',
      'd.dispositif',
      'd.status',
      'd.planned_start as plannedStart',
      'd.exit_date as exitDate',
    ])
    .where('d.partner_id', '=', partnerId)
  if (query.id) q = q.where('d.record_id', '=', query.id)
  if (query.nir) q = q.where('i.nir', '=', query.nir)
  if (query.name) {
    // The birth name is stored as the matching rule keys it (nameKey: no accents, capitals), which
    // keeps ligatures (CŒUR): both sides are folded again so that « coeur » finds « Cœur » and back.
    const birth = like(foldAccents(nameKey(query.name)))
    // The usual name is stored as sent: folded here, in the query, like the name searched.
    const usual = like(foldAccents(query.name.replace(/\s+/g, ' ').trim()))
    q = q.where((eb) =>
      eb.or([
        eb(foldedSql(sql.ref('i.birth_name_norm')), 'like', birth),
        eb(foldedSql(sql.ref('i.usual_name')), 'like', usual),
      ]),
    )
  }
  if (query.birthDate) q = q.where('d.birth_date', '=', query.birthDate)
  if (query.startFrom) q = q.where('d.planned_start', '>=', query.startFrom)
  if (query.startTo) q = q.where('d.planned_start', '<=', query.startTo)
  if (query.exitFrom) q = q.where('d.exit_date', '>=', query.exitFrom)
  if (query.exitTo) q = q.where('d.exit_date', '<=', query.exitTo)
  if (query.status) q = q.where('d.status', '=', query.status)
  if (query.dispositif) q = q.where('d.dispositif', '=', query.dispositif)
  const rows = await q
    .orderBy('d.record_id')
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return { items: rows.slice(0, query.pageSize) as DossierSummary[], hasMore: rows.length > query.pageSize }
}
