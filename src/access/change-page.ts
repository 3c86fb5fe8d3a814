import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { recordRead } from './audit.repository.ts'
import {
  type ChangeHorizon,
  type ChangePosition,
  type ChangesFound,
  readChanges,
} from './changes.repository.ts'
import { withPartner } from './partner-tx.ts'

/**
 * Versions of the whole hub one page of the change feed may walk. The feed walks the hub's
 * versions in received order and keeps the caller's (row-level policies, a function call per
 * version): from an old cursor — or none — a partner with few shared dossiers would otherwise walk
 * the hub's whole history in one request (100,000 versions took 700 ms on a 200,000-dossier hub;
 * an 8 M-dossier hub holds ~34 M). 20,000 bounds a page to ~150 ms of walking.
 */
export const CHANGE_SCAN_BUDGET = 20_000

/**
 * How long after its reception a version enters the change feed. A version's reception time is
 * its ingest transaction's start (`now()`), and transactions commit later — after waiting for
 * their partner's lock, too — and in any order: a page read at once could hand out a cursor past a
 * version that commits a moment later with an earlier time, and that version would never be shown.
 * Batches commit within seconds (≤ 2,000 records each); a minute leaves room for lock waits.
 */
export const CHANGE_SETTLE_SECONDS = 60

/**
 * Where a page after `after` stops: at the reception time of the `budget`-th version after it, or
 * `settle` seconds ago, whichever comes first. Runs as the hub, not in a partner's scope: it reads
 * only the index of reception times, never a row's content, and its answer reaches the partner
 * only as the next cursor's time.
 */
export async function changeHorizon(
  db: Kysely<Database>,
  after: ChangePosition | null,
  budget: number,
  settle: number,
): Promise<ChangeHorizon> {
  const from = after ?? ['-infinity', 0, '', 0]
  const { rows } = await sql<ChangeHorizon>`
    with settled as (select now() - make_interval(secs => ${settle}) as at),
    budget as (
      select received_at as at from dossier_version
      where (received_at, partner_id, record_id collate "C", version)
        > (${from[0]}::timestamptz, ${from[1]}, ${from[2]} collate "C", ${from[3]})
      order by received_at, partner_id, record_id collate "C", version
      offset ${budget - 1} limit 1)
    select to_char(least(b.at, s.at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as until,
      coalesce(b.at <= s.at, false) as cut
    from settled s left join budget b on true`.execute(db)
  return rows[0]!
}

/**
 * One page of the change feed for `partnerId` after `after` (from the start when null): at most
 * `limit` changes among the next `budget` versions the hub received up to `settle` seconds ago,
 * the read written to the audit log when it shows any. A page can hold fewer than `limit`
 * changes — none, even — while `more` says that the hub has more to walk: callers follow `last`
 * until `more` is false, then poll from it later.
 */
export async function readChangePage(
  db: Kysely<Database>,
  partnerId: number,
  after: ChangePosition | null,
  limit: number,
  audit: { actor: string; route: string },
  { budget = CHANGE_SCAN_BUDGET, settle = CHANGE_SETTLE_SECONDS } = {},
): Promise<ChangesFound> {
  const horizon = await changeHorizon(db, after, budget, settle)
  return withPartner(db, partnerId, async (scope) => {
    const found = await readChanges(scope, after, limit, horizon)
    if (found.changes.length > 0)
      await recordRead(scope, {
        ...audit,
        dossiers: [...new Set(found.changes.flatMap((ch) => ch.yourRecords))],
      })
    return found
  })
}
