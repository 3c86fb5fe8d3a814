import { type RawBuilder, sql } from 'kysely'
import type { PartnerScope } from './partner-tx.ts'

/** A version another partner recorded on a shared dossier the caller contributed to. */
export interface ChangeView {
  readonly sharedDossierId: string
  readonly yourRecords: readonly string[]
  readonly partner: string
  readonly record: string
  readonly version: number
  readonly status: string | null
  readonly updatedAt: string
  readonly receivedAt: string
}

/**
 * A place in the change feed's order: (writing transaction id as text, received_at as text,
 * partner id, record id, version) — the columns of the index dossier_version_committed.
 */
export type ChangePosition = readonly [string, string, number, string, number]

/**
 * A cursor's position as the feed reads it, or undefined when `value` is not one. Cursors handed
 * out before the feed was in commit order (migration 2026_12_04_22_00_00) hold
 * (received_at, partner id, record id, version): their transaction id is left empty, and
 * changeHorizon puts them among the rows that migration found.
 */
export function changePosition(value: unknown): ChangePosition | undefined {
  if (!Array.isArray(value)) return undefined
  const [txid, at, partner, record, version] = value.length === 4 ? ['', ...value] : value
  const valid =
    value.length <= 5 &&
    typeof txid === 'string' &&
    /^\d{0,20}$/.test(txid) &&
    (txid !== '' || value.length === 4) &&
    typeof at === 'string' &&
    (at === '-infinity' || !Number.isNaN(Date.parse(at))) &&
    Number.isInteger(partner) &&
    typeof record === 'string' &&
    Number.isInteger(version)
  return valid ? [txid, at, partner, record, version] : undefined
}

/** Where the feed starts when a partner has no cursor: before every version. */
export const FEED_START: ChangePosition = ['0', '-infinity', 0, '', 0]

/** Where a page of the change feed may read (changeHorizon), cursor resolved. */
export interface ChangeHorizon {
  /** The page reads after this position: the cursor given, its transaction id filled in. */
  readonly from: ChangePosition
  /** The last position the page reads when the walk budget stops it first; null otherwise. */
  readonly until: ChangePosition | null
  /** The reader's snapshot xmin: every transaction below it has ended, so the page reads only those. */
  readonly settled: string
}

interface Row {
  shared_dossier_id: string
  your_records: string[]
  code: string
  txid: string
  partner_id: number
  record_id: string
  version: number
  status: string | null
  updated_at: Date
  received_at: Date
  position_at: string
}

/**
 * The feed's order of dossier_version `v`, matching the index dossier_version_committed column for
 * column (collation included): the ORDER BY of both feed queries.
 */
export const KEY_COLUMNS = sql`v.txid, v.received_at, v.partner_id, v.record_id collate "C", v.version`

/** The feed's order key of dossier_version `v` as a row value, for the cursor comparisons. */
export const KEY = sql`(${KEY_COLUMNS})`

/**
 * A position as a row value comparable with KEY; `txid` replaces its transaction id (changeHorizon
 * resolves there the one of a cursor from before the commit order).
 */
export function positionRow(p: ChangePosition, txid: RawBuilder<unknown> = sql`${p[0]}::xid8`) {
  return sql`(${txid}, ${p[1]}::timestamptz, ${p[2]}::int, ${p[3]} collate "C", ${p[4]}::bigint)`
}

/** A position's received_at as text, to the microsecond (a JavaScript Date would round it). */
export const POSITION_AT = sql`to_char(v.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * The query of a page of changes, for `partnerId`, after `horizon.from`, up to `horizon.until`,
 * among versions of ended transactions. The row comparisons and the ORDER BY match the index
 * dossier_version_committed column for column (collation included): a poll then reads only the
 * versions written since its cursor and stops at the page's end.
 */
export function changesQuery(partnerId: number, horizon: ChangeHorizon, limit: number) {
  const until = horizon.until ? sql`and ${KEY} <= ${positionRow(horizon.until)}` : sql``
  return sql<Row>`
    select c.shared_dossier_id, p.code, v.txid::text as txid, v.partner_id, v.record_id, v.version,
      v.payload->>'status' as status, v.updated_at, v.received_at, ${POSITION_AT} as position_at,
      array(select m.record_id from dossier_current m
            where m.shared_dossier_id = c.shared_dossier_id and m.partner_id = ${partnerId} order by m.record_id) as your_records
    from dossier_version v
    join dossier_current c on c.partner_id = v.partner_id and c.record_id = v.record_id
    join partner p on p.id = v.partner_id
    where v.partner_id <> ${partnerId} and c.shared_dossier_id is not null
      and ${KEY} > ${positionRow(horizon.from)}
      and v.txid < ${horizon.settled}::xid8 ${until}
    order by ${KEY_COLUMNS}
    limit ${limit}`
}

/** A page of changes, where the next one starts, and whether the hub has more after it. */
export interface ChangesFound {
  readonly changes: ChangeView[]
  readonly last: ChangePosition
  readonly more: boolean
}

/**
 * The next `limit` changes within `horizon` (see changeHorizon), in commit order. The row-level
 * policies keep them to the caller's shared dossiers.
 */
export async function readChanges(
  scope: PartnerScope,
  horizon: ChangeHorizon,
  limit: number,
): Promise<ChangesFound> {
  const { rows } = await changesQuery(scope.partnerId, horizon, limit).execute(scope.db)
  const changes = rows
    .filter((r) => r.your_records.length > 0)
    .map((r) => ({
      sharedDossierId: r.shared_dossier_id,
      yourRecords: r.your_records,
      partner: r.code,
      record: r.record_id,
      version: r.version,
      status: r.status,
      updatedAt: new Date(r.updated_at).toISOString(),
      receivedAt: new Date(r.received_at).toISOString(),
    }))
  const end = rows.at(-1)
  if (end && rows.length === limit)
    return {
      changes,
      last: [end.txid, end.position_at, end.partner_id, end.record_id, end.version],
      more: true,
    }
  if (horizon.until) return { changes, last: horizon.until, more: true }
  // Every ended transaction was read: the next page starts with the first that had not ended, or
  // later — a cursor never moves back (xmin does not either; a cursor from elsewhere might).
  const settled: ChangePosition = [horizon.settled, '-infinity', 0, '', 0]
  const last = BigInt(horizon.from[0]) >= BigInt(horizon.settled) ? horizon.from : settled
  return { changes, last, more: false }
}
