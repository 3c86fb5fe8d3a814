import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { MAX_MATCHED_DOSSIERS } from './link-shared.ts'

/** A partner's dossiers whose person holds more dossiers than the matching rule links. */
export interface CrowdedPersons {
  readonly partner: string
  /** Persons over the limit among the partner's dossiers. */
  readonly persons: number
  /** The partner's current dossiers of those persons. */
  readonly dossiers: number
}

/**
 * Per partner, the dossiers of persons holding more than MAX_MATCHED_DOSSIERS current dossiers (a
 * placeholder NIR, most likely), which the matching rule leaves unlinked (link-shared.ts).
 */
export async function crowdedPersons(db: Kysely<Database>, partnerId?: number): Promise<CrowdedPersons[]> {
  const { rows } = await sql<CrowdedPersons>`
    with crowded as (
      select person_key from dossier_current group by person_key having count(*) > ${MAX_MATCHED_DOSSIERS}
    )
    select p.code as partner, count(distinct d.person_key)::int as persons, count(*)::int as dossiers
    from dossier_current d
    join crowded c on c.person_key = d.person_key
    join partner p on p.id = d.partner_id
    ${partnerId === undefined ? sql`` : sql`where d.partner_id = ${partnerId}`}
    group by p.code
    order by p.code collate "C"`.execute(db)
  return rows
}
