import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openEmbeddedStore, openServerStore, type Store } from '../src/db/connect.ts'
import { prepareStore } from '../src/db/open-hub.ts'

/** A migrated store for one test file, on the store kind the vitest project selects. */
export interface TestStore extends Store {
  /** Closes the store and, on the server, drops the test database. */
  dispose(): Promise<void>
  /** A URL to the test database (server only), for child processes. */
  readonly url: string | null
}

/**
 * Opens a fresh, migrated store: an in-memory PGlite (project `pglite`), or a new database on the
 * PostgreSQL server of PASSERELLE_TEST_PG (project `pg`), created here and dropped by `dispose`.
 * `migrate: false` leaves it empty, as a database no hub was ever made in.
 */
export async function openTestStore({ migrate = true }: { migrate?: boolean } = {}): Promise<TestStore> {
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    const admin = process.env.PASSERELLE_TEST_PG
    if (!admin) throw new Error('PASSERELLE_TEST_PG is not set')
    const name = `passerelle_test_${randomBytes(6).toString('hex')}`
    await adminQuery(admin, `create database ${name}`)
    const url = withDatabase(admin, name)
    const store = openServerStore(url, 4)
    if (migrate) await prepareStore(store)
    return {
      ...store,
      url,
      dispose: async () => {
        await store.close()
        await adminQuery(admin, `drop database if exists ${name} with (force)`)
      },
    }
  }
  const store = await openEmbeddedStore(null)
  if (migrate) await prepareStore(store)
  return { ...store, url: null, dispose: () => store.close() }
}

/** The server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
