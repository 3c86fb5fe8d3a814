import { type Kysely, sql } from 'kysely'
import { readFunction } from './2026_12_02_19_00_00_partner_access.ts'

// The audit row of the read function as migration 2026_12_02_19_00_00 wrote it: the caller's record only.
const OWN_ONLY = 'values (pid, actor, route, array[rid])'
// Every record the read showed: the caller's first, by its id, then its co-funders', as
// `CODE:ID` (the notation of the export's audit rows).
const SHOWN = `values (pid, actor, route, array(
        select case when (r->>'partner_id')::int = pid then r->>'record_id' else (r->>'code') || ':' || (r->>'record_id') end
        from json_array_elements(result->'records') r
        order by (r->>'partner_id')::int = pid and r->>'record_id' = rid desc, r->>'code', r->>'record_id'))`

function readFunctionWith(audit: string): string {
  if (!readFunction.includes(OWN_ONLY))
    throw new Error('passerelle_dossier_read: its audit row is not where it was')
  return readFunction.replace('create function', 'create or replace function').replace(OWN_ONLY, audit)
}

/** `passerelle_dossier_read` as this migration leaves it. */
export const readFunctionShown = readFunctionWith(SHOWN)

/**
 * A dossier read's audit row names every record it showed, the co-funders' too. It named only the
 * caller's record, and `audit-log --dossier` found co-funders' reads through the links as they
 * stand now: a partner that linked itself to a dossier (a `sharedWith` may name any record, spec),
 * read it, then unlinked, left no trace of what it read. The change feed's rows do the same in
 * code (src/access/change-page.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(readFunctionShown).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(readFunctionWith(OWN_ONLY)).execute(db)
}
