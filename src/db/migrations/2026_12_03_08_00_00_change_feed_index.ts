import { type Kysely, sql } from 'kysely'

/**
 * The change feed (src/access/changes.repository.ts) reads dossier versions after a cursor, in the
 * order the hub received them: `(received_at, partner_id, record_id collate "C", version) > cursor`.
 * Without an index on that order, every page walked every shared dossier of the hub and sorted
 * their versions; with it, a poll reads the versions received since its cursor and stops at the
 * page's end. The columns and collation match the query's row comparison and ORDER BY exactly:
 * that is what lets the planner use the comparison as the index condition and skip the sort.
 * received_at only grows, so inserts land on the index's right-most page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index dossier_version_received on dossier_version
    (received_at, partner_id, record_id collate "C", version)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists dossier_version_received`.execute(db)
}
