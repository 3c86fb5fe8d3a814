import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'

/**
 * Recomputes `identity_certified` of every current dossier and CEP period after an SNGI load: true
 * iff the SNGI holds the record's person (same person key, so same NIR13) with the same
 * normalised birth name, birth date and sex as the identity the record was sent with. Only rows
 * whose flag changes are written. Returns how many records are certified.
 * @example
 * await db.transaction().execute((tx) => certifyIdentities(tx)) // 1234
 */
export async function certifyIdentities(db: Kysely<Database>): Promise<number> {
  for (const type of ['dossier', 'cep'] as const) {
    const certified = sql`exists (select 1 from person_identity i
      join sngi_identity s on s.person_key = i.person_key and s.birth_name_norm = i.birth_name_norm
        and s.birth_date = i.birth_date and s.sex = i.sex
      where i.person_key = c.person_key and i.partner_id = c.partner_id and i.record_type = ${type}
        and i.record_id = c.record_id)`
    await sql`update ${sql.table(`${type}_current`)} as c set identity_certified = ${certified}
      where c.identity_certified <> ${certified}`.execute(db)
  }
  const count = await sql<{ n: number }>`select
      (select count(*) from dossier_current where identity_certified)::int
      + (select count(*) from cep_current where identity_certified)::int as n`.execute(db)
  return count.rows[0]?.n ?? 0
}
