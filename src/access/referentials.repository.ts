import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { foldAccents, foldedSql } from './accent-fold.ts'

/** The public referentials a partner may search. */
export const PARTNER_REFERENTIALS = ['organisms', 'certifications', 'catalogue'] as const
export type PartnerReferential = (typeof PARTNER_REFERENTIALS)[number]

const SOURCES: Record<PartnerReferential, { table: string; key: string; columns: string; search: string[] }> =
  {
    organisms: {
      table: 'organism',
      key: 'siret',
      columns: 'siret, nda, name, commune, qualiopi',
      search: ['siret', 'nda', 'name'],
    },
    certifications: {
      table: 'certification',
      key: 'code',
      columns: 'code, type, title, level, nsf, active_from, active_to',
      search: ['code', 'title'],
    },
    catalogue: {
      table: 'catalogue_offer',
      key: 'offer_ref',
      columns: 'offer_ref, siret, certification_code, formacode, commune, modality, hours, price',
      search: ['offer_ref', 'siret', 'certification_code', 'formacode'],
    },
  }

/**
 * One page of a referential, by key, whose searched columns contain `q` (case- and
 * accent-insensitive on text; every value is a bound parameter).
 */
export async function searchReferential(
  db: Kysely<Database>,
  kind: PartnerReferential,
  q: string,
  page: number,
  pageSize: number,
): Promise<{ items: Record<string, unknown>[]; hasMore: boolean }> {
  const source = SOURCES[kind]
  const pattern = `%${foldAccents(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const where = q
    ? sql`where ${sql.join(
        source.search.map((c) => sql`${foldedSql(sql.ref(c))} like ${pattern}`),
        sql` or `,
      )}`
    : sql``
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.raw(source.columns)} from ${sql.table(source.table)} ${where}
    order by ${sql.ref(source.key)} limit ${pageSize + 1} offset ${(page - 1) * pageSize}`.execute(db)
  return { items: rows.slice(0, pageSize), hasMore: rows.length > pageSize }
}
