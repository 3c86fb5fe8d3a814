import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { changeFeedLag } from './change-feed-lag.ts'
import { feedSettled, insertPartners, openWriter, versionRow } from './test-fixtures.ts'

let store: TestStore
let partner: number

beforeAll(async () => {
  store = await openTestStore()
  ;[partner] = (await insertPartners(store.db, ['RA'])) as [number]
  await insertDossiers(store.db, [{ partner_id: partner, record_id: 'A1', person_key: 'P1' }])
})
afterAll(() => store.dispose())

const version = (v: number) => versionRow(partner, 'A1', 'P1', v)

describe('the change feed lag', () => {
  // The embedded store runs one transaction at a time: a committed version never waits there.
  it.runIf(process.env.PASSERELLE_TEST_STORE !== 'pg')(
    'is nothing waiting and no writer on the embedded store once a version is committed',
    async () => {
      await store.db.insertInto('dossier_version').values(version(1)).execute()
      expect(await changeFeedLag(store.db)).toEqual({ waiting: 0, oldest: null })
    },
  )

  // Only a server runs two transactions at once.
  it.runIf(process.env.PASSERELLE_TEST_STORE === 'pg')(
    'counts the versions committed after a transaction still open, and names an open writer',
    async () => {
      const open = await openWriter(store.url!)
      try {
        await open.insertVersion(version(2))
        await store.db.insertInto('dossier_version').values(version(3)).execute()
        const lag = await changeFeedLag(store.db)
        // Other databases of a shared server may hold an older writer: the feed waits for it too.
        expect([lag.waiting, lag.oldest !== null]).toEqual([1, true])
        await open.commit()
        await feedSettled(store.db)
        expect((await changeFeedLag(store.db)).waiting).toBe(0)
      } finally {
        await open.end()
      }
    },
  )
})
