import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'

/** A partner's `sharedWith` naming records of other persons than its own records'. */
export interface CrossPersonDeclarations {
  readonly partner: string
  /** How many of its current records' declarations name another person's record. */
  readonly count: number
  /** The first few, `RECORD → CODE:RECORD`, by record id. */
  readonly examples: readonly string[]
}

/**
 * The declarations that link records of two persons. The spec links two records when one names
 * the other in `sharedWith`, whoever the persons, and every partner of a shared dossier reads all
 * of it: a NIR typo does it, and so would a partner naming records it has no part in to read
 * them. Nothing in a record tells the two apart, so the operator is shown them, per partner, to
 * ask the partner. Declarations naming no current record are left out: they link nothing.
 */
export async function crossPersonDeclarations(
  db: Kysely<Database>,
  partnerId?: number,
): Promise<CrossPersonDeclarations[]> {
  const { rows } = await sql<{ partner: string; count: number; examples: string[] }>`
    select p.code as partner, count(*)::int as count,
      (array_agg(s.record_id || ' → ' || s.ref_partner || ':' || s.ref_record_id
        order by s.record_id collate "C", s.ref_partner collate "C", s.ref_record_id collate "C"))[1:3] as examples
    from shared_reference s
    join partner p on p.id = s.partner_id
    join partner rp on rp.code = s.ref_partner
    join dossier_current o on o.partner_id = rp.id and o.record_id = s.ref_record_id
    where o.person_key <> s.person_key ${partnerId === undefined ? sql`` : sql`and s.partner_id = ${partnerId}`}
    group by p.code
    order by p.code collate "C"`.execute(db)
  return rows.map((r) => ({ partner: r.partner, count: r.count, examples: r.examples }))
}
