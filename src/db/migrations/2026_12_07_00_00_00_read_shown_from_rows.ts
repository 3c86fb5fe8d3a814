import { type Kysely, sql } from 'kysely'
import { readFunction } from './2026_12_02_19_00_00_partner_access.ts'
import { readFunctionShown } from './2026_12_06_15_00_00_audit_shown_records.ts'

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`passerelle_dossier_read: "${from.trim()}" is not where it was`)
  return text.replace(from, to)
}

// The records the read showed, the caller's first, then its co-funders' as `CODE:ID`: the same
// list and order as migration 2026_12_06_15_00_00, taken from the rows rather than from the JSON.
const SHOWN = `,
      array(select case when g.partner_id = pid then g.record_id else g.code || ':' || g.record_id end from grp g
        order by g.partner_id = pid and g.record_id = rid desc, g.code, g.record_id)
    into result, shown;`

/** `passerelle_dossier_read` with its audit row's records listed from the group's rows. */
export const readFunctionFromRows = [
  ['create function', 'create or replace function'],
  ['    result json;\n', '    result json;\n    shown text[];\n'],
  ['\n    into result;', SHOWN],
  [
    `if actor is not null and result->'records' is not null and json_typeof(result->'records') = 'array' then
      insert into access_audit (partner_id, actor, route, dossiers) values (pid, actor, route, array[rid]);`,
    `if actor is not null and cardinality(shown) > 0 then
      insert into access_audit (partner_id, actor, route, dossiers) values (pid, actor, route, shown);`,
  ],
].reduce((text, [from, to]) => replaced(text, from!, to!), readFunction)

/**
 * A dossier read's audit row lists the records it showed from the group's rows, which the read
 * has at hand, instead of parsing its JSON result back (twice: to test that records were found,
 * then to list them). The result holds every version's payload, so that was most of a
 * kilobyte-sized parse per read, on the API's hottest route.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(readFunctionFromRows).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(readFunctionShown).execute(db)
}
