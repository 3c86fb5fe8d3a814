import { Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { insertDossiers } from '../../publish/facts/hub-fixtures.ts'
import { migrateToLatest, migrations } from '../migrate.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore({ migrate: false })
})
afterAll(() => store.dispose())

const payload = (funding: { funder: string; committed: number; paid?: number }[]) =>
  JSON.stringify({ funding })

describe('the dossier funding migration', () => {
  it('gives the rows already stored the funding lines of their current version’s payload', async () => {
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } })
    const before = await migrator.migrateTo('2026_12_06_15_00_00_audit_shown_records')
    expect(before.error).toBeUndefined()
    await insertDossiers(store.db, [
      { partner_id: 1, record_id: 'D1', person_key: 'P1' },
      { partner_id: 1, record_id: 'D2', person_key: 'P2' },
    ])
    // D1: an older version with one line, the current one (1) with two; D2: one line with `paid`.
    await sql`insert into dossier_version (person_key, partner_id, record_id, version, content_hash, updated_at,
        transmission_id, payload) values
      ('P1', 1, 'D1', 0, 'h', now(), 1, ${payload([{ funder: 'CDC', committed: 10 }])}::json),
      ('P1', 1, 'D1', 1, 'h', now(), 1, ${payload([
        { funder: 'CDC', committed: 4200 },
        { funder: 'R84', committed: 1800.5 },
      ])}::json),
      ('P2', 1, 'D2', 1, 'h', now(), 1, ${payload([{ funder: 'FT', committed: 900, paid: 900 }])}::json)`.execute(
      store.db,
    )
    expect((await migrateToLatest(store.db)).error).toBeUndefined()
    const rows = await store.db
      .selectFrom('dossier_current')
      .select(['record_id', 'funding'])
      .orderBy('record_id')
      .execute()
    expect(rows).toEqual([
      {
        record_id: 'D1',
        funding: [
          { funder: 'CDC', committed: 4200 },
          { funder: 'R84', committed: 1800.5 },
        ],
      },
      { record_id: 'D2', funding: [{ funder: 'FT', committed: 900 }] },
    ])
  })
})
