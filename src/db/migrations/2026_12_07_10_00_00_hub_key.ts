import { type Kysely, sql } from 'kysely'

/**
 * The fingerprint of the hub's secret and who made the hub. Person keys are HMACs under the
 * secret: a hub run once with another secret keys new records apart from every person already
 * stored, and nothing in the data says so (an SNGI load certifies 0 identities, dossiers stop
 * linking). With the fingerprint, every command refuses a secret that is not the hub's. `origin`
 * lets `passerelle demo` refuse a hub it did not make instead of importing synthetic partners
 * into it. One row at most (`id` is always true). Owner-only: no grant to the partner reader.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table hub_key (
    id boolean primary key default true check (id),
    fingerprint text not null,
    origin text not null check (origin in ('demo', 'operator')),
    recorded_at timestamptz not null default now()
  )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists hub_key`.execute(db)
}
