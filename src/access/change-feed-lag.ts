import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'

/** The oldest transaction of the server that has written and not ended. */
export interface OldestWriter {
  readonly pid: number
  readonly database: string | null
  /** When it began (ISO 8601); null when the server hides it from this role. */
  readonly since: string | null
  readonly seconds: number | null
  /** `active`, `idle in transaction`…; null when the server hides it from this role. */
  readonly state: string | null
}

/** How far the change feed is behind what the hub has committed. */
export interface ChangeFeedLag {
  /** Versions committed but not in the feed yet: written after a transaction that has not ended. */
  readonly waiting: number
  /** The transaction the feed waits for first (of any database of the server); null when none. */
  readonly oldest: OldestWriter | null
}

/**
 * The change feed's lag, for the operator. A version enters the feed once every transaction that
 * started writing before it has ended (src/access/change-page.ts), so one transaction left open —
 * a session idle in a transaction, in any database of the server — holds back every version after
 * it: this says how many and which session.
 */
export async function changeFeedLag(db: Kysely<Database>): Promise<ChangeFeedLag> {
  const { rows } = await sql<{
    waiting: number
    pid: number | null
    datname: string | null
    since: string | null
    seconds: number | null
    state: string | null
  }>`
    select
      (select count(*)::int from dossier_version where txid >= pg_snapshot_xmin(pg_current_snapshot())) as waiting,
      o.pid, o.datname, to_char(o.xact_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as since,
      round(extract(epoch from now() - o.xact_start))::int as seconds, o.state
    from (select) one left join lateral (
      select pid, datname, xact_start, state from pg_stat_activity
      where backend_xid is not null and pid <> pg_backend_pid()
      order by age(backend_xid) desc limit 1) o on true`.execute(db)
  const row = rows[0]!
  return {
    waiting: row.waiting,
    oldest:
      row.pid === null
        ? null
        : { pid: row.pid, database: row.datname, since: row.since, seconds: row.seconds, state: row.state },
  }
}
