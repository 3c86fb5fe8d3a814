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

const payload = (nda: string | null | undefined) =>
  JSON.stringify({ training: { organism: nda === undefined ? { siret: '1' } : { siret: '1', nda } } })

describe('the organism NDA migration', () => {
  it('gives the rows already stored the NDA of their current version’s payload, or none', async () => {
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } })
    const before = await migrator.migrateTo('2026_12_04_22_00_00_change_feed_commit_order')
    expect(before.error).toBeUndefined()
    await insertDossiers(store.db, [
      { partner_id: 1, record_id: 'D1', person_key: 'P1' },
      { partner_id: 1, record_id: 'D2', person_key: 'P2' },
      { partner_id: 2, record_id: 'D1', person_key: 'P3' },
    ])
    // D1 of partner 1: an older version without NDA, the current one (1) with; D2: explicit null;
    // D1 of partner 2: no NDA field at all.
    await sql`insert into dossier_version (person_key, partner_id, record_id, version, content_hash, updated_at,
        transmission_id, payload) values
      ('P1', 1, 'D1', 0, 'h', now(), 1, ${payload(undefined)}::json),
      ('P1', 1, 'D1', 1, 'h', now(), 1, ${payload('84691234567')}::json),
      ('P2', 1, 'D2', 1, 'h', now(), 1, ${payload(null)}::json),
      ('P3', 2, 'D1', 1, 'h', now(), 1, ${payload(undefined)}::json)`.execute(store.db)
    expect((await migrateToLatest(store.db)).error).toBeUndefined()
    const rows = await store.db
      .selectFrom('dossier_current')
      .select(['partner_id', 'record_id', 'organism_nda'])
      .orderBy('partner_id')
      .orderBy('record_id')
      .execute()
    expect(rows).toEqual([
      { partner_id: 1, record_id: 'D1', organism_nda: '84691234567' },
      { partner_id: 1, record_id: 'D2', organism_nda: null },
      { partner_id: 2, record_id: 'D1', organism_nda: null },
    ])
  })
})
