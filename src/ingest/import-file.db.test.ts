import { mkdtempSync, readFileSync, statSync } from 'node:fs'
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
  for (const code of ['OPCO1', 'OPCO2', 'OPCO3'])
    await addPartner(store.db, { code, name: code, kind: 'OPCO' })
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

  describe('writes every rejected line once when resumed with --rejects', () => {
    // Partner OPCO1 imports the feed at once: its rejects file is the reference. OPCO2 and OPCO3
    // are stopped after 300 of its 1,000 lines, then resumed.
    let dir: string
    let feed: string
    let reference: string
    const run = async (partnerCode: string, rejectsPath: string | null, stopAt?: number) => {
      const preparer = await createPreparer('resume-secret', 0)
      const stop = new AbortController()
      try {
        return await importFile(store.db, {
          partnerCode,
          path: feed,
          rejectsPath,
          preparer,
          today: '2026-11-28',
          batchSize: 100,
          ...(stopAt === undefined
            ? {}
            : {
                signal: stop.signal,
                onProgress: (p: { records: number }) => {
                  if (p.records >= stopAt) stop.abort()
                },
              }),
        })
      } finally {
        await preparer.close()
      }
    }
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'passerelle-resume-rejects-'))
      feed = join(dir, 'feed.ndjson')
      writeFeed(feed, 1000, 20)
      reference = join(dir, 'reference.ndjson')
      expect((await run('OPCO1', reference)).status).toBe('done')
      expect(readFileSync(reference, 'utf8').split('\n').length).toBe(51)
    })

    it('when the first run kept no rejects', async () => {
      const rejects = join(dir, 'opco2.ndjson')
      const first = await run('OPCO2', null, 300)
      const second = await run('OPCO2', rejects)
      expect([first.status, second.status, second.resumed]).toEqual(['interrupted', 'done', true])
      expect(readFileSync(rejects, 'utf8')).toBe(readFileSync(reference, 'utf8'))
    })

    it('when the first run wrote them to another file', async () => {
      const before = join(dir, 'opco3-first.ndjson')
      const after = join(dir, 'opco3-second.ndjson')
      expect((await run('OPCO3', before, 300)).status).toBe('interrupted')
      expect((await run('OPCO3', after)).status).toBe('done')
      expect(readFileSync(after, 'utf8')).toBe(readFileSync(reference, 'utf8'))
    })
  })
})
