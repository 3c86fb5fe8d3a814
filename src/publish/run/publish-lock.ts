import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { isEmbedded } from '../../db/store-kind.ts'
import type { PublishIssue } from './publish-release.ts'

/** Advisory lock space of a publication (ingestion, linking and the rest use 4242–4246). */
export const PUBLISH_LOCK_SPACE = 4247

/**
 * Runs `publish` while holding the hub's publication lock, or answers `publish/already-running`
 * without running it when another publication holds it. Two publications at once would rebuild
 * the same fact tables under each other (facts/build-facts.ts). The lock is the database's: two
 * publications of one hub into different folders are refused too.
 *
 * On a server the lock is a session-level advisory lock on a connection reserved for the
 * publication's length, so that a killed process releases it with its connection. The embedded
 * store needs none: one process holds its folder (db/store-lock.ts), and reserving its only
 * connection would leave the publication none to work with.
 */
export async function withPublishLock<T>(
  db: Kysely<Database>,
  publish: () => Promise<T>,
): Promise<T | { readonly ok: false; readonly issues: readonly PublishIssue[] }> {
  if (await isEmbedded(db)) return publish()
  return db.connection().execute(async (held) => {
    const { rows } = await sql<{ got: boolean }>`
      select pg_try_advisory_lock(${PUBLISH_LOCK_SPACE}, 0) as got`.execute(held)
    if (rows[0]?.got !== true) return { ok: false as const, issues: [await alreadyRunning(held)] }
    try {
      return await publish()
    } finally {
      // A session the server ended took its lock with it: that must not turn a release already
      // online, or the error that ended the publication, into this one.
      await sql`select pg_advisory_unlock(${PUBLISH_LOCK_SPACE}, 0)`.execute(held).catch(() => {})
    }
  })
}

/** The issue naming the holder: its PostgreSQL backend and about when it took the lock. */
async function alreadyRunning(db: Kysely<Database>): Promise<PublishIssue> {
  // Two int4 keys: classid and objid, objsubid 2 (a bigint key is objsubid 1). `state_change` is
  // null when the holder is another role and this one may not read its activity.
  const { rows } = await sql<{ pid: number; since: string | null }>`
    select a.pid, to_char(a.state_change at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC' as since
    from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'advisory' and l.granted
      and l.database = (select oid from pg_database where datname = current_database())
      and l.classid = ${PUBLISH_LOCK_SPACE} and l.objid = 0 and l.objsubid = 2
    limit 1`.execute(db)
  const holder = rows[0]
  // The holder's connection went idle when it took the lock: about when that publication began.
  const since = holder?.since ? `, started about ${holder.since}` : ''
  const who = holder ? ` (PostgreSQL backend ${holder.pid}${since})` : ''
  return {
    path: 'hub',
    code: 'publish/already-running',
    message: `another publication is running on this hub${who}: two at once would rebuild the same fact tables; run this one once it is over`,
  }
}
