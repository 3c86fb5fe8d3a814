import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { PUBLISH_LOCK_SPACE, withPublishLock } from './publish-lock.ts'
import { publishRelease } from './publish-release.ts'

const server = process.env.PASSERELLE_TEST_STORE === 'pg'

let store: TestStore
let out: string
beforeAll(async () => {
  store = await openTestStore()
  out = mkdtempSync(join(tmpdir(), 'passerelle-publish-lock-'))
})
afterAll(async () => {
  await store.dispose()
  rmSync(out, { recursive: true, force: true })
})

/** Runs `fn` while another session of the hub's database holds the publication lock. */
function whileHeldElsewhere<T>(fn: () => Promise<T>): Promise<{ value: T; holder: number }> {
  return store.db.connection().execute(async (other) => {
    const { rows } = await sql<{ pid: number }>`
      select pg_backend_pid() as pid, pg_advisory_lock(${PUBLISH_LOCK_SPACE}, 0)`.execute(other)
    try {
      return { value: await fn(), holder: rows[0]!.pid }
    } finally {
      await sql`select pg_advisory_unlock(${PUBLISH_LOCK_SPACE}, 0)`.execute(other)
    }
  })
}

/** Sessions holding the publication lock (none on the embedded store, which takes none). */
async function holders(): Promise<number> {
  if (!server) return 0
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
    where locktype = 'advisory' and granted and classid = ${PUBLISH_LOCK_SPACE} and objid = 0 and objsubid = 2`.execute(
    store.db,
  )
  return rows[0]!.n
}

describe('one publication at a time on a hub', () => {
  it.runIf(server)(
    'answers publish/already-running, naming the holder, and writes nothing while another runs',
    async () => {
      const { value, holder } = await whileHeldElsewhere(() =>
        publishRelease(store.db, { out, date: '2026-12-05', asOf: '2026-12-05' }),
      )
      expect(value.ok).toBe(false)
      const issues = value.ok ? [] : value.issues
      expect(issues.map((i) => [i.path, i.code])).toEqual([['hub', 'publish/already-running']])
      expect(issues[0]!.message).toMatch(
        new RegExp(
          `^another publication is running on this hub \\(PostgreSQL backend ${holder}, started about \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\): `,
        ),
      )
      expect(readdirSync(out)).toEqual([])
    },
  )

  it('runs the publication once the other is over, and lets the next one run after it', async () => {
    const during = await withPublishLock(store.db, holders)
    const first = await holders()
    const second = await withPublishLock(store.db, async () => 'second')
    expect([during, first, second, await holders()]).toEqual([server ? 1 : 0, 0, 'second', 0])
  })

  it('lets the lock go when the publication throws', async () => {
    await expect(
      withPublishLock(store.db, async () => {
        throw new Error('the protection failed')
      }),
    ).rejects.toThrow('the protection failed')
    expect(await holders()).toBe(0)
    expect(await withPublishLock(store.db, async () => 'after')).toBe('after')
  })

  it.runIf(server)('holds the lock while the publication runs', async () => {
    const inner = await withPublishLock(store.db, () => withPublishLock(store.db, async () => 'nested'))
    expect(inner).toMatchObject({ ok: false, issues: [{ code: 'publish/already-running' }] })
  })
})
