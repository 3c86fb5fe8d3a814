import { type Kysely, sql } from 'kysely'

/**
 * The change feed in commit order. It read versions after a cursor in reception order
 * (`received_at`, the ingest transaction's start), and transactions commit in any order: a page
 * could hand out a cursor past a version whose transaction, started earlier, had not committed
 * yet, and that version was never shown. Waiting a minute before showing a version (the previous
 * fix) left a transaction longer than that exposed.
 *
 * Each version now records its transaction id (`pg_current_xact_id()`, 64 bits: it never wraps).
 * Every transaction below a snapshot's xmin has ended, so a reader that shows only versions with
 * `txid < xmin` and orders by txid never sees an earlier position appear behind its cursor
 * (src/access/change-page.ts). Rows already stored get the id of this migration's transaction (a
 * stable default is evaluated once, without rewriting the table) and keep their reception order
 * inside it through the index's next column: cursors handed out before map onto that group.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_version add column txid xid8 not null default pg_current_xact_id()`.execute(
    db,
  )
  await sql`drop index if exists dossier_version_received`.execute(db)
  await sql`create index dossier_version_committed on dossier_version
    (txid, received_at, partner_id, record_id collate "C", version)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists dossier_version_committed`.execute(db)
  await sql`alter table dossier_version drop column if exists txid`.execute(db)
  await sql`create index dossier_version_received on dossier_version
    (received_at, partner_id, record_id collate "C", version)`.execute(db)
}
