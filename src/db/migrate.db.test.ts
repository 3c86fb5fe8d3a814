import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { migrateToLatest } from './migrate.ts'

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
})
