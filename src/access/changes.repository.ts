import { sql } from 'kysely'
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

/** Where a page of changes ends: (received_at as text, partner id, record id, version). */
export type ChangePosition = [string, number, string, number]

/** True when `value` has the shape of a ChangePosition. */
export function isChangePosition(value: unknown): value is ChangePosition {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    !Number.isNaN(Date.parse(value[0])) &&
    Number.isInteger(value[1]) &&
    typeof value[2] === 'string' &&
    Number.isInteger(value[3])
  )
}

interface Row {
  shared_dossier_id: string
  your_records: string[]
  code: string
  partner_id: number
  record_id: string
  version: number
  status: string | null
  updated_at: Date
  received_at: Date
  position_at: string
}

/**
 * The query of a page of changes, for `partnerId`, after `after` (from the start when null). The
 * row comparison and the ORDER BY match the index dossier_version_received column for column
 * (collation included): a poll then reads only the versions received since its cursor.
 */
export function changesQuery(partnerId: number, after: ChangePosition | null, limit: number, until: string) {
  const from = after ?? ['-infinity', 0, '', 0]
  return sql<Row>`
    select c.shared_dossier_id, p.code, v.partner_id, v.record_id, v.version, v.payload->>'status' as status,
      v.updated_at, v.received_at, to_char(v.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position_at,
      array(select m.record_id from dossier_current m
            where m.shared_dossier_id = c.shared_dossier_id and m.partner_id = ${partnerId} order by m.record_id) as your_records
    from dossier_version v
    join dossier_current c on c.partner_id = v.partner_id and c.record_id = v.record_id
    join partner p on p.id = v.partner_id
    where v.partner_id <> ${partnerId} and c.shared_dossier_id is not null
      and (v.received_at, v.partner_id, v.record_id collate "C", v.version)
        > (${from[0]}::timestamptz, ${from[1]}, ${from[2]} collate "C", ${from[3]})
      and v.received_at <= ${until}::timestamptz
    order by v.received_at, v.partner_id, v.record_id collate "C", v.version
    limit ${limit}`
}

/** Where a page of the change feed stops walking (changeHorizon), and whether the walk budget cut it short. */
export interface ChangeHorizon {
  /** The last reception time the page reads. */
  readonly until: string
  /** True when versions received by then remain after the budget: the page says there is more. */
  readonly cut: boolean
}

/** A page of changes, where the next one starts, and whether the hub has more after it. */
export interface ChangesFound {
  readonly changes: ChangeView[]
  readonly last: ChangePosition | null
  readonly more: boolean
}

/**
 * The position just after every version received at `at` or earlier: no partner id reaches the
 * largest integer, so the row comparison puts all of them before it.
 */
export function positionAfter(at: string): ChangePosition {
  return [at, 2_147_483_647, '', 0]
}

/**
 * The next `limit` changes after `after` (from the start when null), in the order the hub
 * received them, among the versions received up to `horizon.until` (see changeHorizon). The
 * row-level policies keep them to the caller's shared dossiers.
 */
export async function readChanges(
  scope: PartnerScope,
  after: ChangePosition | null,
  limit: number,
  horizon: ChangeHorizon,
): Promise<ChangesFound> {
  const { rows } = await changesQuery(scope.partnerId, after, limit, horizon.until).execute(scope.db)
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
    return { changes, last: [end.position_at, end.partner_id, end.record_id, end.version], more: true }
  // Everything up to the horizon was read: the next page starts after it, never before the cursor
  // given (the horizon can be earlier when the settle delay grew since that cursor was made).
  const next = after !== null && after[0] > horizon.until ? after : positionAfter(horizon.until)
  return { changes, last: next, more: horizon.cut }
}
