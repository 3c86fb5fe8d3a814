import { dirname } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { ConfigError } from '../config.ts'
import { ensureFolder } from '../lib/ensure-folder.ts'
import type { Database } from './database.ts'
import { lockStoreDir } from './store-lock.ts'

/** An open store: kysely over the PostgreSQL server or over the embedded PGlite. */
export interface Store {
  readonly db: Kysely<Database>
  readonly kind: 'pg' | 'pglite'
  /** Where it lives, for messages (never with a password). */
  readonly location: string
  /**
   * Cancels the statements this store's connections are running (`pg_cancel_backend`), each failing
   * with `query_canceled`. The embedded store runs its statements on this process's thread, one at a
   * time, and cannot be reached while one runs: there it does nothing.
   */
  cancelStatements(): Promise<void>
  close(): Promise<void>
}

// Same value types from both drivers: dates as 'YYYY-MM-DD' strings, numerics and bigints as
// numbers (versions, ids, counts and byte offsets stay below 2^53).
const DATE = 1082
const NUMERIC = 1700
const INT8 = 20
pg.types.setTypeParser(DATE, (value: string) => value)
pg.types.setTypeParser(NUMERIC, (value: string) => Number(value))
pg.types.setTypeParser(INT8, (value: string) => Number(value))

/** Opens the PostgreSQL server at `url` (a pool of `max` connections). */
export function openServerStore(url: string, max = 10): Store {
  const pool = new pg.Pool({ connectionString: url, max })
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  // Nor one checked out: pg emits 'error' on its client as well as failing its queries, and the
  // pool listens only to idle ones. A publication holds its lock's connection idle for minutes
  // (publish-lock.ts); a session the server ends meanwhile would have crashed the process. Queries
  // still fail with the error, and the pool discards the broken client when it comes back.
  pool.on('connect', (client) => client.on('error', () => {}))
  const backends = new Map<pg.PoolClient, number>()
  pool.on('connect', (client) => {
    const pid = (client as { processID?: number | null }).processID
    if (typeof pid === 'number') backends.set(client, pid)
  })
  pool.on('remove', (client) => backends.delete(client as pg.PoolClient))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    kind: 'pg',
    location: redact(url),
    cancelStatements: () => cancelBackends(url, [...backends.values()]),
    close: () => db.destroy(),
  }
}

/**
 * Cancels what the server's sessions `pids` are running, from a connection outside the pool (whose
 * connections may all be busy with the statements to cancel). An idle session is left as it is.
 */
async function cancelBackends(url: string, pids: readonly number[]): Promise<void> {
  if (pids.length === 0) return
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => {})
  await client.connect()
  try {
    await client.query('select pg_cancel_backend(pid) from unnest($1::int[]) as pid', [pids])
  } finally {
    await client.end()
  }
}

/**
 * Opens (creating if needed) the embedded store in `dir`, or in memory when `dir` is null. One
 * process at a time may hold a folder (store-lock.ts): another live holder is an error. A folder
 * that cannot be made or written is a ConfigError naming the data folder (`dir`'s parent,
 * PASSERELLE_DATA) and the problem, before PGlite starts.
 */
export async function openEmbeddedStore(dir: string | null, loadDataDir?: Blob): Promise<Store> {
  if (dir) checkEmbeddedStoreFolder(dir)
  const release = dir ? lockStoreDir(dir) : () => {}
  const options = {
    parsers: {
      [DATE]: (value: string) => value,
      [NUMERIC]: (value: string) => Number(value),
      [INT8]: (value: string) => Number(value),
    },
    ...(loadDataDir ? { loadDataDir } : {}),
  }
  let pglite: PGlite
  try {
    pglite = dir ? await PGlite.create(dir, options) : await PGlite.create(options)
  } catch (error) {
    release()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  return {
    db,
    kind: 'pglite',
    location: dir ?? 'memory',
    cancelStatements: async () => {},
    close: () => db.destroy().finally(release),
  }
}

/**
 * Creates the embedded store's folder `dir` (`pgdata/` in the data folder) or throws a ConfigError
 * naming PASSERELLE_DATA, its value and what is wrong: a file, a folder that cannot be created
 * (`/sys/x`, `/proc/x`) or one that cannot be written. With `probe`, nothing is left created:
 * for a command that must find a hub there, before it says it found none.
 */
export function checkEmbeddedStoreFolder(dir: string, options: { probe?: boolean } = {}): void {
  const problem = ensureFolder(dir, options)
  if (problem !== null)
    throw new ConfigError(
      `PASSERELLE_DATA "${dirname(dir)}" cannot hold the embedded store (${dir}): ${problem}`,
    )
}

function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres'
  }
}
