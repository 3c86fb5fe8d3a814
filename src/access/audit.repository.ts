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
  /** Who read (`user:<e-mail>`, `token:<code>#<id>`): what a leaked token or account was used for. */
  readonly actor?: string
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
  const shown = filter.dossier ? await recordsShowing(db, filter.dossier) : null
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
    if (filter.actor !== undefined) query = query.where('a.actor', '=', filter.actor)
    if (filter.since) query = query.where('a.at', '>=', new Date(`${filter.since}T00:00:00Z`))
    if (filter.until)
      query = query.where('a.at', '<', new Date(Date.parse(`${filter.until}T00:00:00Z`) + 86_400_000))
    if (shown)
      // A reader's own record id, or `CODE:ID` for a co-funder's record (the export's notation).
      query = query.where((eb) =>
        eb.or([
          ...shown.map((r) =>
            eb.and([eb('a.partner_id', '=', r.partnerId), sql<boolean>`${r.recordId} = any(a.dossiers)`]),
          ),
          sql<boolean>`a.dossiers && ${shown.map((r) => `${r.code}:${r.recordId}`)}::text[]`,
        ]),
      )
    const rows = await query.execute()
    if (rows.length === 0) return
    after = Number(rows[rows.length - 1]!.id)
    yield rows.map(({ id: _, ...r }) => ({ ...r, at: new Date(r.at), dossiers: r.dossiers ?? [] }))
    if (rows.length < pageSize) return
  }
}

// The record asked about and, when it belongs to a shared dossier, every record of that dossier as
// the hub links them now: a read of any of them shows every contribution.
async function recordsShowing(
  db: Kysely<Database>,
  target: NonNullable<AuditFilter['dossier']>,
): Promise<{ partnerId: number; code: string; recordId: string }[]> {
  const { rows } = await sql<{ partnerId: number; code: string; recordId: string }>`
    select r.partner_id as "partnerId", p.code, r.record_id as "recordId" from (
      select ${target.partnerId}::int as partner_id, ${target.recordId}::text as record_id
      union
      select d.partner_id, d.record_id from dossier_current d
      where d.shared_dossier_id = (select shared_dossier_id from dossier_current
        where partner_id = ${target.partnerId} and record_id = ${target.recordId})
    ) r join partner p on p.id = r.partner_id
    order by 1, 3`.execute(db)
  return rows
}

/** The whole filtered audit log, oldest first (tests and small logs; the CLI streams `auditPages`). */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditRow[]> {
  const all: AuditRow[] = []
  for await (const page of auditPages(db, filter)) all.push(...page)
  return all
}
