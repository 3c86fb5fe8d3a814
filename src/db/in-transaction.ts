import type { Kysely } from 'kysely'
import type { Database } from './database.ts'

/**
 * Runs `fn` in a transaction: the caller's, when `db` already is one (so that a repository
 * function can join a larger change, such as an operator's action and its log row), else a new one.
 */
export function inTransaction<T>(db: Kysely<Database>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}
