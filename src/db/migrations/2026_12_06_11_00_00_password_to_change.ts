import { type Kysely, sql } from 'kysely'

/**
 * A password the operator set (`passerelle users add`, `users reset-password`) is known to the
 * operator, who printed or typed it: its user must choose their own before reading anything.
 * Accounts from before keep theirs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table partner_user add column must_change_password boolean not null default false`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table partner_user drop column if exists must_change_password`.execute(db)
}
