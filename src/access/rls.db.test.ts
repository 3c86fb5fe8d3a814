import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { recordRead } from './audit.repository.ts'
import { readDossier } from './dossier.repository.ts'
import { withPartner } from './partner-tx.ts'
import { personalTables } from './rls-catalogue.ts'
import { insertPartners, permanentContract } from './test-fixtures.ts'

let store: TestStore
let a: number
let b: number
let c: number

const identity = (partner_id: number, record_id: string, person_key: string) => ({
  person_key,
  partner_id,
  record_type: 'dossier',
  record_id,
  nir: '1850599123456',
  birth_name: 'DUPONT',
  birth_name_norm: 'DUPONT',
  usual_name: null,
  first_names: 'Marie',
  birth_date: '1985-05-14',
  sex: 'F',
})

beforeAll(async () => {
  store = await openTestStore()
  ;[a, b, c] = (await insertPartners(store.db, ['RA', 'OB', 'FC'])) as [number, number, number]
  await insertDossiers(store.db, [
    { partner_id: a, record_id: 'A1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: b, record_id: 'B1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: a, record_id: 'A2', person_key: 'P2' },
    { partner_id: c, record_id: 'C1', person_key: 'P3' },
    { partner_id: c, record_id: 'C2', person_key: 'P3', shared_dossier_id: 'G2' },
    { partner_id: b, record_id: 'B2', person_key: 'P3', shared_dossier_id: 'G2' },
  ])
  await store.db
    .insertInto('person_identity')
    .values([identity(a, 'A1', 'P1'), identity(b, 'B1', 'P1'), identity(c, 'C1', 'P3')])
    .execute()
  await store.db
    .insertInto('dsn_contract')
    .values([permanentContract('P1', '2024-07-01'), permanentContract('P3', '2024-07-01')])
    .execute()
})
afterAll(() => store.dispose())

const records = (partnerId: number) =>
  withPartner(store.db, partnerId, async ({ db }) =>
    (await db.selectFrom('dossier_current').select('record_id').orderBy('record_id').execute()).map(
      (r) => r.record_id,
    ),
  )

describe('row-level security on nominative tables', () => {
  it('forces row-level security on every table of person or partner data', async () => {
    expect((await personalTables(store.db)).filter((t) => !t.forcedRls)).toEqual([])
  })

  it('shows the reader no row of the identity register, tokens or users even if granted by mistake', async () => {
    await store.db
      .insertInto('sngi_identity')
      .values({ person_key: 'P1', birth_name_norm: 'MARTIN', birth_date: '1990-01-01', sex: 'F' })
      .execute()
    await store.db.insertInto('partner_token').values({ partner_id: a, token_hash: 'h' }).execute()
    await store.db
      .insertInto('partner_user')
      .values({ partner_id: a, email: 'u@a.fr', password_hash: 'x' })
      .execute()
    const counts = async (db: typeof store.db) => [
      (await db.selectFrom('sngi_identity').selectAll().execute()).length,
      (await db.selectFrom('partner_token').where('partner_id', '=', a).selectAll().execute()).length,
      (await db.selectFrom('partner_user').where('partner_id', '=', a).selectAll().execute()).length,
    ]
    const tables = sql.raw('sngi_identity, partner_token, partner_user')
    await sql`grant select on ${tables} to passerelle_reader`.execute(store.db)
    try {
      // The hub (owner) sees its rows; a partner's scoped transaction none, granted or not.
      expect([await counts(store.db), await withPartner(store.db, a, ({ db }) => counts(db))]).toEqual([
        [1, 1, 1],
        [0, 0, 0],
      ])
    } finally {
      await sql`revoke select on ${tables} from passerelle_reader`.execute(store.db)
      await store.db.deleteFrom('partner_user').execute()
      await store.db.deleteFrom('partner_token').execute()
      await store.db.deleteFrom('sngi_identity').execute()
    }
  })

  it('finds a new table of person data until row-level security is enabled and forced on it', async () => {
    const find = async () =>
      (await personalTables(store.db)).filter((t) => t.table === 'new_person_data' && !t.forcedRls)
    try {
      await sql`create table new_person_data (person_key text, note text)`.execute(store.db)
      const created = await find()
      await sql`grant select on new_person_data to passerelle_reader`.execute(store.db)
      const granted = await find()
      await sql`alter table new_person_data enable row level security`.execute(store.db)
      const enabled = await find()
      await sql`alter table new_person_data force row level security`.execute(store.db)
      expect([created, granted, enabled, await find()]).toEqual([
        [{ table: 'new_person_data', forcedRls: false, reader: [] }],
        [{ table: 'new_person_data', forcedRls: false, reader: ['SELECT'] }],
        [{ table: 'new_person_data', forcedRls: false, reader: ['SELECT'] }],
        [],
      ])
    } finally {
      await sql`drop table if exists new_person_data`.execute(store.db)
    }
  })

  it('returns no row of any table of person or partner data to the reader role without the partner setting', async () => {
    const readable = (await personalTables(store.db))
      .filter((t) => t.reader.includes('SELECT'))
      .map((t) => t.table)
    expect(readable).toEqual(expect.arrayContaining(['dossier_current', 'person_identity', 'dsn_contract']))
    const counts = await store.db.transaction().execute(async (tx) => {
      await sql`set local role passerelle_reader`.execute(tx)
      const out: Record<string, number> = {}
      for (const table of readable)
        out[table] = (
          await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx)
        ).rows[0]!.n
      return out
    })
    expect(counts).toEqual(Object.fromEntries(readable.map((t) => [t, 0])))
  })

  it('shows a partner its own dossiers and its co-funders’ records of shared dossiers, nothing else', async () => {
    expect(await records(a)).toEqual(['A1', 'A2', 'B1'])
    expect(await records(b)).toEqual(['A1', 'B1', 'B2', 'C2'])
    expect(await records(c)).toEqual(['B2', 'C1', 'C2'])
  })

  it('never shows a co-funder’s clear identity (NIR, names)', async () => {
    const seen = await withPartner(store.db, a, ({ db }) =>
      db.selectFrom('person_identity').select(['partner_id', 'record_id']).execute(),
    )
    expect(seen).toEqual([{ partner_id: a, record_id: 'A1' }])
  })

  it('shows payroll contracts only of persons of visible dossiers', async () => {
    const seen = await withPartner(store.db, a, ({ db }) =>
      db.selectFrom('dsn_contract').select('person_key').execute(),
    )
    expect(seen).toEqual([{ person_key: 'P1' }])
  })

  it('refuses the reader role the tables it has no grant on', async () => {
    await expect(
      withPartner(store.db, a, ({ db }) => db.selectFrom('sngi_identity').selectAll().execute()),
    ).rejects.toThrow(/permission denied/)
  })

  it('lets no other role than the reader call a SECURITY DEFINER function of the hub', async () => {
    // proacl null is PostgreSQL's default: every role (PUBLIC, grantee 0) may execute.
    const { rows } = await sql<{ fn: string; grantees: string[] }>`
      select p.proname as fn,
        array(select coalesce(r.rolname::text, 'PUBLIC') from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
          left join pg_roles r on r.oid = a.grantee where a.grantee <> p.proowner order by 1) as grantees
      from pg_proc p where p.proname like 'passerelle%' and p.prosecdef order by 1`.execute(store.db)
    expect(rows).toEqual(
      [
        'passerelle_dossier_visible',
        'passerelle_in_group',
        'passerelle_own_employed',
        'passerelle_person_spells',
        'passerelle_person_visible',
      ].map((fn) => ({ fn, grantees: ['passerelle_reader'] })),
    )
  })

  it('keeps the hub’s own jobs unrestricted after the scoped transaction ends', async () => {
    await records(a)
    const all = await store.db.selectFrom('dossier_current').select('record_id').execute()
    expect(all).toHaveLength(6)
  })

  it('scopes the one-statement dossier read to its partner and leaves the connection as it was', async () => {
    const seen = await store.db.connection().execute(async (conn) => {
      const a1 = await readDossier(conn, a, 'A1', '2026-11-28')
      const b2 = await readDossier(conn, a, 'B2', '2026-11-28')
      const after = await sql<{ who: string; partner: string | null }>`
        select current_user as who, nullif(current_setting('passerelle.partner', true), '') as partner`.execute(
        conn,
      )
      return { a1: a1?.contributions.map((c) => c.id), b2, after: after.rows[0] }
    })
    const owner = (await sql<{ who: string }>`select current_user as who`.execute(store.db)).rows[0]!.who
    expect(seen).toEqual({ a1: ['B1', 'A1'], b2: undefined, after: { who: owner, partner: null } })
  })

  it('keeps the audit log append-only, even for the owner', async () => {
    await withPartner(store.db, a, (scope) =>
      recordRead(scope, { actor: 'token:RA', route: 'GET /x', dossiers: ['A1'] }),
    )
    await expect(
      withPartner(store.db, a, (scope) =>
        recordRead({ ...scope, partnerId: b } as typeof scope, {
          actor: 'token:RA',
          route: 'GET /x',
          dossiers: [],
        }),
      ),
    ).rejects.toThrow(/row-level security/)
    await expect(sql`update access_audit set route = 'x'`.execute(store.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from access_audit`.execute(store.db)).rejects.toThrow(/append-only/)
    const rows = await store.db
      .selectFrom('access_audit')
      .select(['partner_id', 'route', 'dossiers'])
      .execute()
    expect(rows).toEqual([{ partner_id: a, route: 'GET /x', dossiers: ['A1'] }])
  })
})
