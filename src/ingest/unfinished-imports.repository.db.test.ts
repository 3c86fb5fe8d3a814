import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { abandonImport, unfinishedImports } from './unfinished-imports.repository.ts'

let store: TestStore
const ids = new Map<string, number>()
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
  ids.set(source, Number(row.id))
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

  it('abandons an interrupted or stalled import, which is no longer listed, and refuses others', async () => {
    const id = (source: string) => ids.get(source)!
    const codes = async (source: string) => {
      const result = await abandonImport(store.db, id(source))
      return result.ok ? 'abandoned' : result.problem.code
    }
    expect([
      await codes('stopped.ndjson'),
      await codes('quiet.ndjson'),
      await codes('fresh.ndjson'),
      await codes('whole.ndjson'),
      await codes('stopped.ndjson'),
      ((await abandonImport(store.db, 999_999)) as { problem: { code: string } }).problem.code,
    ]).toEqual([
      'abandoned',
      'abandoned',
      'import/still-running',
      'import/not-unfinished',
      'import/not-unfinished',
      'import/unknown-transmission',
    ])
    expect((await unfinishedImports(store.db)).map((u) => u.file)).toEqual(['fresh.ndjson', 'never.ndjson'])
    const row = await store.db
      .selectFrom('transmission')
      .select(['status'])
      .where('id', '=', id('stopped.ndjson'))
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('abandoned')
  })
})
