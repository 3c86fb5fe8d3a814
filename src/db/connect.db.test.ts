import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(async () => {
  await store.dispose()
})

describe('the server store', () => {
  it.runIf(process.env.PASSERELLE_TEST_STORE === 'pg')(
    'survives a checked-out idle connection whose session the server ends, and keeps answering',
    async () => {
      const failure = await store.db.connection().execute(async (held) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(held)
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(store.db)
        // The client hears of it between queries: without a listener, an uncaught 'error'.
        await new Promise((done) => setTimeout(done, 200))
        return sql`select 1`.execute(held).then(
          () => 'answered',
          (error: Error) => error.message,
        )
      })
      expect(failure).toMatch(/terminat|Connection/i)
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(store.db)
      expect(rows).toEqual([{ one: 1 }])
    },
  )
})
