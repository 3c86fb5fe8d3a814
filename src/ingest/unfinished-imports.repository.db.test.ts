import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { unfinishedImports } from './unfinished-imports.repository.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

/** A file transmission of `partnerId` in `status`, whose last batch committed `minutesAgo` minutes ago. */
async function fileTransmission(
  partnerId: number,
  source: string,
  status: string,
  minutesAgo: number | null,
) {
  const row = await store.db
    .insertInto('transmission')
    .values({
      partner_id: partnerId,
      channel: 'file',
      source,
      file_sha256: source,
      file_size: 100,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`update transmission set status = ${status}, started_at = now() - interval '1 hour',
    progressed_at = ${minutesAgo === null ? null : sql`now() - make_interval(mins => ${minutesAgo}::int)`}
    where id = ${row.id}`.execute(store.db)
}

describe('unfinished file imports', () => {
  it('call stalled a running import with no batch for 10 minutes (its start standing in for none), interrupted and done apart', async () => {
    const { partner } = await addPartner(store.db, { code: 'R84', name: 'R84', kind: 'REGION' })
    await fileTransmission(partner.id, 'fresh.ndjson', 'running', 9)
    await fileTransmission(partner.id, 'quiet.ndjson', 'running', 11)
    await fileTransmission(partner.id, 'never.ndjson', 'running', null)
    await fileTransmission(partner.id, 'stopped.ndjson', 'interrupted', 30)
    await fileTransmission(partner.id, 'whole.ndjson', 'done', 30)
    expect((await unfinishedImports(store.db)).map((u) => [u.file, u.status])).toEqual([
      ['fresh.ndjson', 'running'],
      ['quiet.ndjson', 'stalled'],
      ['never.ndjson', 'stalled'],
      ['stopped.ndjson', 'interrupted'],
    ])
  })
})
