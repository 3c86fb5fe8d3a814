import { type Kysely, sql } from 'kysely'

/**
 * A file import the operator will not continue (`passerelle import --abandon ID`): `abandoned`.
 * Interrupted and stalled imports stayed listed in `passerelle status` for good once their file
 * had changed, as the same file alone continues one. The records it committed stay: they were
 * accepted. Importing the same file again still continues it, from where it stopped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // NOT VALID, then VALIDATE: the rows (one per API request) are checked without holding the
  // table's exclusive lock, which would stop a running serve's writes for the whole scan.
  await sql`alter table transmission drop constraint transmission_status_check`.execute(db)
  await sql`alter table transmission add constraint transmission_status_check
    check (status in ('running', 'done', 'interrupted', 'abandoned')) not valid`.execute(db)
  await sql`alter table transmission validate constraint transmission_status_check`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update transmission set status = 'interrupted' where status = 'abandoned'`.execute(db)
  await sql`alter table transmission drop constraint transmission_status_check`.execute(db)
  await sql`alter table transmission add constraint transmission_status_check
    check (status in ('running', 'done', 'interrupted'))`.execute(db)
}
