import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { PartnerScope } from './partner-tx.ts'

/** Who read: a token (`token:<partner code>#<token id>`, see tokenActor) or a user (`user:<e-mail>`). */
export type Actor = string

/** Appends one nominative read to the audit log, in the read's own transaction. */
export async function recordRead(
  scope: PartnerScope,
  entry: { actor: Actor; route: string; dossiers: readonly string[] },
): Promise<void> {
  await scope.db
    .insertInto('access_audit')
    .values({
      partner_id: scope.partnerId,
      actor: entry.actor,
      route: entry.route,
      dossiers: [...entry.dossiers],
    })
    .execute()
}

/** One audit row as the operator sees it. */
export interface AuditRow {
  readonly at: Date
  readonly partner: string
  readonly actor: string
  readonly route: string
  readonly dossiers: readonly string[]
}

/** The audit log, oldest first, optionally for one partner and from a date (operator only). */
export async function listAudit(
  db: Kysely<Database>,
  filter: { partnerId?: number; since?: string },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('access_audit as a')
    .innerJoin('partner as p', 'p.id', 'a.partner_id')
    .select(['a.at', 'p.code as partner', 'a.actor', 'a.route', 'a.dossiers'])
    .orderBy('a.id')
  if (filter.partnerId !== undefined) query = query.where('a.partner_id', '=', filter.partnerId)
  if (filter.since) query = query.where('a.at', '>=', new Date(filter.since))
  const rows = await query.execute()
  return rows.map((r) => ({ ...r, at: new Date(r.at), dossiers: r.dossiers ?? [] }))
}
