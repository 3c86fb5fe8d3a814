import { type Kysely, sql } from 'kysely'

/**
 * A dossier's funding lines (`[{funder, committed}]`) on its current state. `committed` holds
 * their sum whoever the funder, and publication credited it all to the sender: a CPF record
 * listing its co-funder's line, beside the co-funder's own record, counted that line twice and
 * credited it once to the CPF operator. Publication now counts each funder's line once
 * (src/publish/facts/funding-lines.ts). The lines are filled from each record's current version;
 * at the reference stock (8 M dossiers) this update takes minutes, once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_current add column funding jsonb`.execute(db)
  await sql`update dossier_current d set funding = (
      select jsonb_agg(jsonb_build_object('funder', f->>'funder', 'committed', (f->>'committed')::numeric))
      from dossier_version v, json_array_elements(v.payload->'funding') f
      where v.partner_id = d.partner_id and v.record_id = d.record_id and v.version = d.version)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_current drop column if exists funding`.execute(db)
}
