/**
 * Whether `passerelle demo` has anything to publish: a re-run that imported nothing new would
 * spend minutes protecting the same tables for the same release.
 * @module
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { listReleases } from '../publish/release/commit-release.ts'

/**
 * The date of the latest release in `out` when the hub accepted no record after it was written
 * (its `release.json`), by any way in: the demo's import, `passerelle import`, the API. Null when
 * there is no release, when it is older than the hub's data, or when the time it was written cannot be
 * told: the demo publishes then.
 *
 * @example
 * const unchanged = await releaseUpToDate(db, '.passerelle/public') // '2026-12-07', or null: publish
 */
export async function releaseUpToDate(db: Kysely<Database>, out: string): Promise<string | null> {
  const latest = (await listReleases(out)).at(-1)
  if (latest === undefined) return null
  let written: Date
  try {
    written = statSync(join(out, 'releases', latest, 'release.json')).mtime
  } catch {
    return null
  }
  // A transmission's counts are added batch by batch (apply-batch.ts), each with its time.
  const row = await db
    .selectFrom('transmission')
    .select(sql<Date | null>`max(greatest(started_at, progressed_at, finished_at))`.as('last'))
    .where(sql<boolean>`created + updated > 0`)
    .executeTakeFirst()
  const last = row?.last == null ? null : new Date(row.last)
  return last !== null && last >= written ? null : latest
}
