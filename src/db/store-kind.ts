import { type Kysely, sql } from 'kysely'
import type { Database } from './database.ts'

/**
 * True on the embedded store (PGlite, PostgreSQL compiled to WebAssembly): one connection that
 * runs one statement at a time, in one process (store-lock.ts). Work that needs a second
 * connection, or holds one for long, takes another way there.
 */
export async function isEmbedded(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ wasm: boolean }>`select version() like '%wasm32%' as wasm`.execute(db)
  return rows[0]?.wasm === true
}
