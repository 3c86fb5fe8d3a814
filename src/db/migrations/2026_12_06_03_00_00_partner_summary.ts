import { type Kysely, sql } from 'kysely'

/**
 * The partner area's dashboard and the costly part of its data-quality view, kept per partner:
 * computed on the partner's whole stock (about 4 M dossiers for the largest at the reference
 * load), they took seconds to tens of seconds a page. A partner's scoped transaction reads and
 * writes only its own rows (forced row-level security, as on every table holding partner data).
 * `as_of` is the hub's date the summary was computed for (the dashboard's rates depend on it).
 * The partner reader may read `referential_load` (kinds and load times, nothing personal) to tell
 * whether a summary predates a referential, and the index on `finished_at` tells cheaply whether
 * one of the partner's transmissions ended since.
 */
const statements = [
  `create table partner_summary (
     partner_id integer not null references partner(id),
     kind text not null check (kind in ('dashboard', 'quality')),
     as_of date not null,
     computed_at timestamptz not null default now(),
     body jsonb not null,
     primary key (partner_id, kind)
   )`,
  'alter table partner_summary enable row level security',
  'alter table partner_summary force row level security',
  `select passerelle_owner_policy('partner_summary')`,
  `create policy partner_own on partner_summary for all to passerelle_reader
     using (partner_id = passerelle_partner()) with check (partner_id = passerelle_partner())`,
  'grant select, insert, update on partner_summary to passerelle_reader',
  'grant select on referential_load to passerelle_reader',
  'create index transmission_partner_finished on transmission (partner_id, finished_at)',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists transmission_partner_finished`.execute(db)
  await sql`revoke select on referential_load from passerelle_reader`.execute(db)
  await sql`drop table if exists partner_summary`.execute(db)
}
