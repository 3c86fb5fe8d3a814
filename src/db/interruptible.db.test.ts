import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { INTERRUPTED, interruptible, StatementsInterrupted, untilInterrupted } from './interruptible.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore({ migrate: false })
})
afterAll(async () => {
  await store.dispose()
})

const onServer = process.env.PASSERELLE_TEST_STORE === 'pg'

describe('interruptible', () => {
  it('refuses every statement once its signal fired, raw SQL and transactions included, and leaves the store as it was', async () => {
    const controller = new AbortController()
    const db = interruptible(store.db, controller.signal)
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }])
    controller.abort()
    const refused = await Promise.allSettled([
      sql`select 1`.execute(db),
      db.selectNoFrom(sql<number>`1`.as('one')).execute(),
      db.transaction().execute((tx) => sql`select 1`.execute(tx)),
    ])
    expect(refused.map((r) => r.status === 'rejected' && r.reason instanceof StatementsInterrupted)).toEqual([
      true,
      true,
      true,
    ])
    expect((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows).toEqual([{ one: 1 }])
  })
})

describe('untilInterrupted', () => {
  it('gives what the run gives, and passes its errors on, while no signal fired', async () => {
    const controller = new AbortController()
    const stop = { signal: controller.signal }
    const value = await untilInterrupted(
      store.db,
      stop,
      async (db) => (await sql<{ n: number }>`select 2 as n`.execute(db)).rows,
    )
    const failed = await untilInterrupted(store.db, stop, (db) =>
      sql`select * from no_such_table`.execute(db),
    ).catch((error: Error) => error.message)
    expect([value, failed]).toEqual([[{ n: 2 }], 'relation "no_such_table" does not exist'])
  })

  it('stops a run of many statements at the next one, calls the cancel once and waits for it', async () => {
    const controller = new AbortController()
    const events: string[] = []
    const cancel = async () => {
      events.push('cancel started')
      await new Promise((done) => setTimeout(done, 50))
      events.push('cancel ended')
    }
    const result = await untilInterrupted(store.db, { signal: controller.signal, cancel }, async (db) => {
      for (let i = 0; i < 1000; i++) {
        await sql`select ${i}::int`.execute(db)
        if (i === 2) controller.abort()
        events.push(`statement ${i}`)
      }
      return 'finished'
    })
    events.push('returned')
    expect([result, events]).toEqual([
      INTERRUPTED,
      // The cancel starts as the signal fires, within statement 2's turn.
      ['statement 0', 'statement 1', 'cancel started', 'statement 2', 'cancel ended', 'returned'],
    ])
  })

  it('does not start a run whose signal fired already', async () => {
    const controller = new AbortController()
    controller.abort()
    let ran = false
    const result = await untilInterrupted(store.db, { signal: controller.signal }, async () => {
      ran = true
    })
    expect([result, ran]).toEqual([INTERRUPTED, false])
  })

  it.runIf(onServer)(
    "on a server, cancels the statement running when the signal fires (the store's cancelStatements)",
    async () => {
      const controller = new AbortController()
      const started = performance.now()
      setTimeout(() => controller.abort(), 300)
      const result = await untilInterrupted(
        store.db,
        { signal: controller.signal, cancel: store.cancelStatements },
        (db) => sql`select pg_sleep(60)`.execute(db),
      )
      const seconds = (performance.now() - started) / 1000
      expect([result, seconds < 20]).toEqual([INTERRUPTED, true])
      expect((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows).toEqual([{ one: 1 }])
    },
  )
})

describe('Store.cancelStatements', () => {
  it.runIf(onServer)(
    'fails the statements the pool runs with query_canceled, and leaves idle ones',
    async () => {
      const running = sql`select pg_sleep(60)`
        .execute(store.db)
        .catch((error: { code?: string }) => error.code)
      await new Promise((done) => setTimeout(done, 300))
      await store.cancelStatements()
      expect(await running).toBe('57014')
      expect((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows).toEqual([{ one: 1 }])
    },
  )

  it.runIf(!onServer)('does nothing on the embedded store', async () => {
    await store.cancelStatements()
    expect((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows).toEqual([{ one: 1 }])
  })
})
