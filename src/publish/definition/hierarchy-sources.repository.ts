/**
 * Reads the reference data the dimension trees are built from: communes, code lists, partners
 * and organisms (with the région of their commune).
 * @module
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { byCode, type HierarchySources } from './hierarchy-types.ts'

/**
 * The store's communes, code lists, partners and organisms, each in byte order of its code (the
 * server's collation may order `CPF_ABONDE` and `CPFX` otherwise than the embedded store).
 */
export async function loadHierarchySources(db: Kysely<Database>): Promise<HierarchySources> {
  const communes = await db
    .selectFrom('commune')
    .select(['code', 'name', 'departement', 'region', 'type'])
    .execute()
  const lists = await db.selectFrom('code_list').select(['list', 'code', 'label', 'attributes']).execute()
  const partners = await db.selectFrom('partner').select(['code', 'name', 'kind']).execute()
  const organisms = await db
    .selectFrom('organism as o')
    .leftJoin('commune as c', 'c.code', 'o.commune')
    .select(['o.siret', 'o.name', 'c.region'])
    .execute()
  const codeLists = lists
    .map((l) => ({ ...l, attributes: stringAttributes(l.attributes) }))
    .sort((a, b) => (a.list < b.list ? -1 : a.list > b.list ? 1 : byCode(a, b)))
  return {
    communes: communes.sort(byCode),
    codeLists,
    partners: partners.sort(byCode),
    organisms: organisms.sort((a, b) => byCode({ code: a.siret }, { code: b.siret })),
  }
}

// Attributes are the other columns of a reference CSV: strings, stored as jsonb.
function stringAttributes(value: unknown): Record<string, string> {
  const object = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  if (typeof object !== 'object' || object === null) return {}
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, v == null ? '' : String(v)]))
}
