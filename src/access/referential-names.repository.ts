import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'

/** What the public referentials call the certifications and organisms a dossier names. */
export interface ReferentialNames {
  /** Certification code → title in the RNCP/RS register. */
  readonly certifications: ReadonlyMap<string, string>
  /** Organism SIRET → name in the organisms referential. */
  readonly organisms: ReadonlyMap<string, string>
}

/**
 * The titles of `codes` and the names of `sirets` in the loaded referentials; a code or SIRET the
 * referential lacks is simply absent (the quality page flags those).
 */
export async function referentialNames(
  db: Kysely<Database>,
  codes: readonly string[],
  sirets: readonly string[],
): Promise<ReferentialNames> {
  const certifications =
    codes.length === 0
      ? []
      : await db
          .selectFrom('certification')
          .select(['code', 'title'])
          .where('code', 'in', [...codes])
          .execute()
  const organisms =
    sirets.length === 0
      ? []
      : await db
          .selectFrom('organism')
          .select(['siret', 'name'])
          .where('siret', 'in', [...sirets])
          .execute()
  return {
    certifications: new Map(certifications.map((c) => [c.code, c.title])),
    organisms: new Map(organisms.map((o) => [o.siret, o.name])),
  }
}
