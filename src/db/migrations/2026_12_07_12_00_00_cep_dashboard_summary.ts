import { type Kysely, sql } from 'kysely'

/**
 * The partner area keeps a CEP operator's dashboard on its own CEP periods as a third kind of
 * partner summary (`cep-dashboard`, src/access/cep-dashboard.repository.ts), beside the dossier
 * dashboard and the quality view, under the same row-level security and with the same rules of
 * when it is computed again. Only the kinds the table accepts change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table partner_summary drop constraint partner_summary_kind_check`.execute(db)
  await sql`alter table partner_summary add constraint partner_summary_kind_check
    check (kind in ('dashboard', 'cep-dashboard', 'quality'))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from partner_summary where kind = 'cep-dashboard'`.execute(db)
  await sql`alter table partner_summary drop constraint partner_summary_kind_check`.execute(db)
  await sql`alter table partner_summary add constraint partner_summary_kind_check
    check (kind in ('dashboard', 'quality'))`.execute(db)
}
