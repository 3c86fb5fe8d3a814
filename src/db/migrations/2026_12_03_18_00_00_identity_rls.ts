import { type Kysely, sql } from 'kysely'

/**
 * Row-level security on the last three tables of person or partner data that had none: the
 * identity register (`sngi_identity`: NIR, names, birth dates), partner tokens and partner users.
 * The partner reader role already had no privilege on them; forced RLS with only the hub owner's
 * policy means that a grant added by mistake would still show a partner no row of them (issue 6:
 * "row-level security on every nominative table"). Hub jobs run as the owner (`hub_owner` policy,
 * migration 2026_12_02_19_00_00), so loading the register, signing in and checking tokens work as
 * before.
 */
const TABLES = ['sngi_identity', 'partner_token', 'partner_user']

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`alter table ${table} enable row level security`).execute(db)
    await sql.raw(`alter table ${table} force row level security`).execute(db)
    await sql.raw(`select passerelle_owner_policy('${table}')`).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`drop policy if exists hub_owner on ${table}`).execute(db)
    await sql.raw(`alter table ${table} no force row level security`).execute(db)
    await sql.raw(`alter table ${table} disable row level security`).execute(db)
  }
}
