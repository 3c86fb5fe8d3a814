import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { releaseUpToDate } from './demo-release.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

/** A release folder of `date` whose `release.json` was written at `at`. */
function release(out: string, date: string, at: Date) {
  const dir = join(out, 'releases', date)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'release.json'), '{}\n')
  utimesSync(join(dir, 'release.json'), at, at)
}

/** A transmission whose last batch committed at `at`, with `accepted` records created. */
async function transmission(partnerId: number, at: string, accepted: number) {
  await store.db
    .insertInto('transmission')
    .values({
      partner_id: partnerId,
      channel: 'api',
      source: 'api:json',
      file_sha256: null,
      file_size: null,
      started_at: at,
      progressed_at: at,
      finished_at: at,
      created: accepted,
    })
    .execute()
}

describe('releaseUpToDate', () => {
  it('names the latest release only while the hub has accepted no record since it was written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-release-'))
    const { id } = await store.db
      .insertInto('partner')
      .values({ code: 'R84', name: 'Région', kind: 'REGION' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const seen: (string | null)[] = []
    // No release yet: publish.
    seen.push(await releaseUpToDate(store.db, out))
    release(out, '2026-12-01', new Date('2026-12-01T10:00:00Z'))
    release(out, '2026-12-05', new Date('2026-12-05T10:00:00Z'))
    // Records accepted before the latest release; a transmission after it that accepted none.
    await transmission(id, '2026-12-04T10:00:00Z', 5)
    await transmission(id, '2026-12-06T10:00:00Z', 0)
    seen.push(await releaseUpToDate(store.db, out))
    // Records accepted after it (a `passerelle import`, the API): publish.
    await transmission(id, '2026-12-05T10:00:01Z', 1)
    seen.push(await releaseUpToDate(store.db, out))
    expect(seen).toEqual([null, '2026-12-05', null])
  })

  it('publishes when the latest release has no release.json to tell when it was written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-release-'))
    mkdirSync(join(out, 'releases', '2026-12-05'), { recursive: true })
    expect(await releaseUpToDate(store.db, out)).toBe(null)
  })
})
