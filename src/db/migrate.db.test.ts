import { Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { migrateToLatest, migrations } from './migrate.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

describe('migrations', () => {
  it('create every table and are idempotent', async () => {
    const again = await migrateToLatest(store.db)
    expect(again.error).toBeUndefined()
    expect(again.results).toEqual([])
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'
      and table_name not like 'kysely%' order by table_name`.execute(store.db)
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'access_audit',
      'catalogue_offer',
      'cep_current',
      'cep_version',
      'certification',
      'code_list',
      'commune',
      'dossier_current',
      'dossier_version',
      'dsn_contract',
      'hub_key',
      'operator_action',
      'organism',
      'partner',
      'partner_session',
      'partner_summary',
      'partner_token',
      'partner_user',
      'person',
      'person_identity',
      'referential_load',
      'rejected_record',
      'shared_link',
      'shared_reference',
      'sign_in_failure',
      'sngi_identity',
      'transmission',
    ])
  })

  it('load the full INSEE commune list and the shipped code lists', async () => {
    const communes = await store.db
      .selectFrom('commune')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(communes.n)).toBe(37006) // distinct INSEE codes among the 37,590 entries
    const lyon = await store.db
      .selectFrom('commune')
      .selectAll()
      .where('code', '=', '69123')
      .executeTakeFirstOrThrow()
    expect(lyon).toMatchObject({
      code: '69123',
      name: 'Lyon',
      departement: '69',
      region: '84',
      type: 'commune-actuelle',
    })
    const cpf = await store.db
      .selectFrom('code_list')
      .select(['label'])
      .where('list', '=', 'dispositifs')
      .where('code', '=', 'CPF')
      .executeTakeFirstOrThrow()
    expect(cpf.label).toBe('Compte personnel de formation (achat Mon Compte Formation)')
    const levels = await store.db
      .selectFrom('code_list')
      .select(['code', 'label'])
      .where('list', '=', 'niveaux_certification')
      .where('code', 'in', ['1', '2'])
      .orderBy('code')
      .execute()
    expect(levels).toEqual([
      { code: '1', label: 'Maîtrise des savoirs de base' },
      {
        code: '2',
        label:
          "Capacité à effectuer des activités simples et résoudre des problèmes courants à l'aide de règles et d'outils simples en mobilisant des savoir-faire professionnels dans un contexte structuré",
      },
    ])
  })

  it('take the CEP dashboard summaries out and back in: down deletes them (a cache), up accepts them again', async () => {
    const CEP_DASHBOARD = '2026_12_07_12_00_00_cep_dashboard_summary'
    const names = Object.keys(migrations)
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } })
    const partner = await store.db
      .insertInto('partner')
      .values({ code: 'MIG', name: 'Opérateur CEP', kind: 'CEP' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const summary = (kind: string) =>
      sql`insert into partner_summary (partner_id, kind, as_of, body)
        values (${partner.id}, ${kind}, '2026-12-07', '{}')`.execute(store.db)
    const kinds = async () =>
      (
        await sql<{ kind: string }>`select kind from partner_summary where partner_id = ${partner.id}
          order by kind`.execute(store.db)
      ).rows.map((r) => r.kind)
    await summary('dashboard')
    await summary('cep-dashboard')
    // Down to the migration before it (and any later one), then up again.
    const down = await migrator.migrateTo(names[names.indexOf(CEP_DASHBOARD) - 1]!)
    const afterDown = await kinds()
    const refused = await summary('cep-dashboard').then(
      () => 'inserted',
      (error: Error) => error.message,
    )
    const up = await migrateToLatest(store.db)
    await summary('cep-dashboard')
    expect([
      down.error,
      down.results?.at(-1),
      afterDown,
      refused,
      up.error,
      up.results?.[0],
      await kinds(),
    ]).toEqual([
      undefined,
      { migrationName: CEP_DASHBOARD, direction: 'Down', status: 'Success' },
      ['dashboard'],
      expect.stringMatching(/partner_summary_kind_check/),
      undefined,
      { migrationName: CEP_DASHBOARD, direction: 'Up', status: 'Success' },
      ['cep-dashboard', 'dashboard'],
    ])
  })
})
