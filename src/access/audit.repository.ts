import { type Kysely, sql } from 'kysely'
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

/** Which reads the operator asks for; every field narrows the list. */
export interface AuditFilter {
  /** The partner that read. */
  readonly partnerId?: number
  /** From this day (UTC), included. */
  readonly since?: string
  /** Up to this day (UTC), included. */
  readonly until?: string
  /**
   * The reads that showed this record: the owner's own reads of it, and every read of a record of
   * the same shared dossier (as the hub links them now), which shows every contribution.
   */
  readonly dossier?: { readonly partnerId: number; readonly recordId: string }
}

/**
 * The audit log, oldest first, in pages of `pageSize` rows (keyset on the log's id), so that a log
 * of millions of reads streams to the operator in flat memory.
 */
export async function* auditPages(
  db: Kysely<Database>,
  filter: AuditFilter,
  pageSize = 5000,
): AsyncGenerator<AuditRow[]> {
  let after = 0
  for (;;) {
    let query = db
      .selectFrom('access_audit as a')
      .innerJoin('partner as p', 'p.id', 'a.partner_id')
      .select(['a.id', 'a.at', 'p.code as partner', 'a.actor', 'a.route', 'a.dossiers'])
      .where('a.id', '>', after)
      .orderBy('a.id')
      .limit(pageSize)
    if (filter.partnerId !== undefined) query = query.where('a.partner_id', '=', filter.partnerId)
    if (filter.since) query = query.where('a.at', '>=', new Date(`${filter.since}T00:00:00Z`))
    if (filter.until)
      query = query.where('a.at', '<', new Date(Date.parse(`${filter.until}T00:00:00Z`) + 86_400_000))
    const target = filter.dossier
    if (target)
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom(
            sql<{ partner_id: number; record_id: string }>`(
              select ${target.partnerId}::int as partner_id, ${target.recordId}::text as record_id
              union
              select d.partner_id, d.record_id from dossier_current d
              where d.shared_dossier_id = (select shared_dossier_id from dossier_current
                where partner_id = ${target.partnerId} and record_id = ${target.recordId})
            )`.as('r'),
          )
            .innerJoin('partner as rp', 'rp.id', 'r.partner_id')
            .select(sql`1`.as('one'))
            .where(
              sql<boolean>`(r.partner_id = a.partner_id and r.record_id = any(a.dossiers))
                or rp.code || ':' || r.record_id = any(a.dossiers)`,
            ),
        ),
      )
    const rows = await query.execute()
    if (rows.length === 0) return
    after = Number(rows[rows.length - 1]!.id)
    yield rows.map(({ id: _, ...r }) => ({ ...r, at: new Date(r.at), dossiers: r.dossiers ?? [] }))
    if (rows.length < pageSize) return
  }
}

/** The whole filtered audit log, oldest first (tests and small logs; the CLI streams `auditPages`). */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditRow[]> {
  const all: AuditRow[] = []
  for await (const page of auditPages(db, filter)) all.push(...page)
  return all
}
