import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFeed } from '../../test/ndjson-fixture.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { importFile } from './import-file.ts'
import { createPreparer } from './preparer.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
  await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })
})
afterAll(() => store.dispose())

describe('importFile interrupted and run again', () => {
  it('resumes exactly where it stopped after the reader crossed its 1 MiB chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-resume-'))
    const feed = join(dir, 'feed.ndjson')
    const expected = writeFeed(feed, 4000, 40)
    expect(statSync(feed).size).toBeGreaterThan(3 * 2 ** 20)
    const preparer = await createPreparer('resume-secret', 0)
    const options = {
      partnerCode: 'CDC',
      path: feed,
      rejectsPath: null,
      preparer,
      today: '2026-11-28',
      batchSize: 100,
    }
    // Stopped once more than 2.5 MiB are read: the resume offset lies beyond two chunk boundaries.
    const stop = new AbortController()
    const first = await importFile(store.db, {
      ...options,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.bytesDone > 2.5 * 2 ** 20) stop.abort()
      },
    })
    const second = await importFile(store.db, options)
    await preparer.close()
    expect([first.status, second.status, second.resumed, second.counts, second.rejectedByCode]).toEqual([
      'interrupted',
      'done',
      true,
      {
        records: 4000,
        created: expected.valid,
        updated: 0,
        unchanged: 0,
        stale: 0,
        conflict: 0,
        invalid: expected.invalid,
      },
      { 'code/unknown-dispositif': expected.invalid },
    ])
  })
})
