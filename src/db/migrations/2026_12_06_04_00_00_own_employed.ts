import { type Kysely, sql } from 'kysely'

/**
 * The caller's own exited dossiers in salaried employment at exit + `horizon` months (a DSN contract covers
 * that date: spec, "Employment outcomes"), for those whose horizon `as_of` has reached: the
 * partner's dashboard. Read under row-level security, each DSN row probed called
 * `passerelle_person_visible` (two queries): 4.9 s for a partner of 250,000 dossiers against 1.6 s
 * as the owner. The partner's own dossiers are visible by definition, so this SECURITY DEFINER
 * function reads them as the owner, restricted to `passerelle_partner()` as the policies are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function passerelle_own_employed(horizon integer, as_of date)
    returns table (record_id text) language plpgsql stable security definer set search_path = public as $$
    begin
      return query select d.record_id from dossier_current d
        where d.partner_id = passerelle_partner() and d.exit_date is not null
          and (d.exit_date + make_interval(0, horizon))::date <= as_of
          and exists (select 1 from dsn_contract c where c.person_key = d.person_key
            and c.start_date <= (d.exit_date + make_interval(0, horizon))::date
            and (c.end_date is null or c.end_date >= (d.exit_date + make_interval(0, horizon))::date));
    end $$`.execute(db)
  await sql`revoke all on function passerelle_own_employed(integer, date) from public`.execute(db)
  await sql`grant execute on function passerelle_own_employed(integer, date) to passerelle_reader`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists passerelle_own_employed(integer, date)`.execute(db)
}
