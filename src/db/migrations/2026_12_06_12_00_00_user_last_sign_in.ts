import { type Kysely, sql } from 'kysely'

/**
 * When each partner-area account last signed in, so that the operator sees accounts left unused
 * (`passerelle users list`) and disables them. Sessions do not tell: they are deleted when they end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table partner_user add column last_sign_in_at timestamptz`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table partner_user drop column if exists last_sign_in_at`.execute(db)
}
