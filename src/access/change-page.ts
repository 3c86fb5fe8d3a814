import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { recordRead } from './audit.repository.ts'
import {
  type ChangeHorizon,
  type ChangePosition,
  type ChangesFound,
  FEED_START,
  KEY,
  KEY_COLUMNS,
  POSITION_AT,
  positionRow,
  readChanges,
} from './changes.repository.ts'
import { withPartner } from './partner-tx.ts'

/**
 * Versions of the whole hub one page of the change feed may walk. The feed walks the hub's
 * versions in commit order and keeps the caller's (row-level policies, a function call per
 * version): from an old cursor — or none — a partner with few shared dossiers would otherwise walk
 * the hub's whole history in one request (100,000 versions took 700 ms on a 200,000-dossier hub;
 * an 8 M-dossier hub holds ~34 M). 20,000 bounds a page to ~150 ms of walking.
 */
export const CHANGE_SCAN_BUDGET = 20_000

interface HorizonRow {
  start: string
  settled: string
  txid: string | null
  position_at: string | null
  partner_id: number | null
  record_id: string | null
  version: string | null
}

/** The query of changeHorizon: one row, the budget's columns null when fewer versions remain. */
export function horizonQuery(after: ChangePosition | null, budget: number) {
  const from = after ?? FEED_START
  return sql<HorizonRow>`
    with start as (select coalesce(nullif(${from[0]}, '')::xid8, (select min(txid) from dossier_version), '0'::xid8) as txid),
    budget as (
      select v.txid::text as txid, ${POSITION_AT} as position_at, v.partner_id, v.record_id, v.version::text
      from dossier_version v
      where ${KEY} > ${positionRow(from, sql`(select txid from start)`)}
        and v.txid < pg_snapshot_xmin(pg_current_snapshot())
      order by ${KEY_COLUMNS}
      offset ${budget - 1} limit 1)
    select s.txid::text as start, pg_snapshot_xmin(pg_current_snapshot())::text as settled, b.*
    from start s left join budget b on true`
}

/**
 * Where a page after `after` may read. Only versions of transactions that have ended: those below
 * the snapshot's xmin, which no later commit can join — a version's transaction commits after it
 * is written, in any order with the others, and a cursor handed out past a version still
 * uncommitted would skip it for good. Then at most `budget` of them. Runs as the hub, not in a
 * partner's scope: it reads only the index, never a row's content, and its answer reaches the
 * partner only as the next cursor. A cursor from before the commit order (no transaction id)
 * resolves to the rows that migration found, all under its transaction id: the oldest one.
 */
export async function changeHorizon(
  db: Kysely<Database>,
  after: ChangePosition | null,
  budget: number,
): Promise<ChangeHorizon> {
  const { rows } = await horizonQuery(after, budget).execute(db)
  const row = rows[0]!
  const until: ChangePosition | null =
    row.txid === null
      ? null
      : [row.txid, row.position_at!, row.partner_id!, row.record_id!, Number(row.version)]
  const [, at, partner, record, version] = after ?? FEED_START
  return { from: [row.start, at, partner, record, version], until, settled: row.settled }
}

/**
 * One page of the change feed for `partnerId` after `after` (from the start when null): at most
 * `limit` changes among the next `budget` versions of ended transactions, in commit order, the
 * read written to the audit log when it shows any. A page can hold fewer than `limit` changes —
 * none, even — while `more` says that the hub has more to walk: callers follow `last` until
 * `more` is false, then poll from it later.
 */
export async function readChangePage(
  db: Kysely<Database>,
  partnerId: number,
  after: ChangePosition | null,
  limit: number,
  audit: { actor: string; route: string },
  { budget = CHANGE_SCAN_BUDGET } = {},
): Promise<ChangesFound> {
  const horizon = await changeHorizon(db, after, budget)
  return withPartner(db, partnerId, async (scope) => {
    const found = await readChanges(scope, horizon, limit)
    if (found.changes.length > 0)
      await recordRead(scope, {
        ...audit,
        // The caller's records, then the co-funders' records the page showed (`CODE:ID`).
        dossiers: [
          ...new Set([
            ...found.changes.flatMap((ch) => ch.yourRecords),
            ...found.changes.map((ch) => `${ch.partner}:${ch.record}`),
          ]),
        ],
      })
    return found
  })
}
