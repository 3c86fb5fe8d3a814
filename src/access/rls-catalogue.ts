/**
 * What the database catalogue says of the tables holding a person's or a partner's data: whether
 * row-level security binds them and what the partner reader role may do on them. Tests check the
 * migrations against it, so a new table is covered without being named anywhere.
 * @module
 */
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'

/** A relation of schema `public` holding a person's or a partner's data. */
export interface PersonalTable {
  readonly table: string
  /** Row-level security enabled and forced (it binds the owner too). */
  readonly forcedRls: boolean
  /** What `passerelle_reader` may do on it (directly, by membership or through PUBLIC). */
  readonly reader: readonly ('SELECT' | 'INSERT' | 'UPDATE' | 'DELETE')[]
}

/**
 * Every table, view or foreign table of schema `public` with a `person_key`, `nir` or `partner_id`
 * column (a person's data, or a partner's records), by name. Views count because a view the reader
 * can read runs as its owner and so escapes the policies of the tables under it.
 */
export async function personalTables(db: Kysely<Database>): Promise<PersonalTable[]> {
  const { rows } = await sql<PersonalTable>`
    select c.relname as "table",
      c.relrowsecurity and c.relforcerowsecurity as "forcedRls",
      array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) with ordinality as u(p, i)
        where has_table_privilege('passerelle_reader', c.oid, p) order by i) as reader
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attnum > 0
        and not a.attisdropped and a.attname in ('person_key', 'nir', 'partner_id'))
    order by c.relname`.execute(db)
  return rows
}
