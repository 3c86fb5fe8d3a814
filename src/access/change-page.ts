import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { recordRead } from './audit.repository.ts'
import { type ChangePosition, type ChangesFound, readChanges } from './changes.repository.ts'
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
 * When the hub holds at least `budget` versions after `after`, the reception time of the
 * `budget`-th (a page then stops after the versions received by then); null otherwise. Runs as the
 * hub, not in a partner's scope: it reads only the index of reception times, never a row's
 * content, and its answer reaches the partner only as the next cursor's time.
 */
export async function changeHorizon(
  db: Kysely<Database>,
  after: ChangePosition | null,
  budget: number,
): Promise<string | null> {
  const from = after ?? ['-infinity', 0, '', 0]
  const { rows } = await sql<{ at: string }>`
    select to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from dossier_version
    where (received_at, partner_id, record_id collate "C", version)
      > (${from[0]}::timestamptz, ${from[1]}, ${from[2]} collate "C", ${from[3]})
    order by received_at, partner_id, record_id collate "C", version
    offset ${budget - 1} limit 1`.execute(db)
  return rows[0]?.at ?? null
}

/**
 * One page of the change feed for `partnerId` after `after` (from the start when null): at most
 * `limit` changes among the next `budget` versions the hub received, the read written to the
 * audit log when it shows any. A page can hold fewer than `limit` changes — none, even — while
 * `more` says that the hub has more to walk: callers follow `last` until `more` is false.
 */
export async function readChangePage(
  db: Kysely<Database>,
  partnerId: number,
  after: ChangePosition | null,
  limit: number,
  audit: { actor: string; route: string },
  budget = CHANGE_SCAN_BUDGET,
): Promise<ChangesFound> {
  const until = await changeHorizon(db, after, budget)
  return withPartner(db, partnerId, async (scope) => {
    const found = await readChanges(scope, after, limit, until)
    if (found.changes.length > 0)
      await recordRead(scope, {
        ...audit,
        dossiers: [...new Set(found.changes.flatMap((ch) => ch.yourRecords))],
      })
    return found
  })
}
