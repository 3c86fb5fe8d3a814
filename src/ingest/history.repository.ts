import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { RecordType } from './record.ts'

/** One stored version of a record, as the partner sent it (without the clear identity). */
export interface VersionView {
  readonly version: number
  readonly updatedAt: Date
  readonly receivedAt: Date
  readonly payload: Record<string, unknown>
}

interface VersionRow {
  version: number
  updated_at: Date
  received_at: Date
  payload: unknown
}

function view(row: VersionRow): VersionView {
  const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
  return {
    version: row.version,
    updatedAt: new Date(row.updated_at),
    receivedAt: new Date(row.received_at),
    payload,
  }
}

/** Every accepted version of a partner's record, oldest first. */
export async function recordHistory(
  db: Kysely<Database>,
  type: RecordType,
  partnerId: number,
  recordId: string,
): Promise<VersionView[]> {
  const { rows } = await sql<VersionRow>`
    select version, updated_at, received_at, payload from ${sql.table(`${type}_version`)}
    where partner_id = ${partnerId} and record_id = ${recordId} order by version`.execute(db)
  return rows.map(view)
}

/**
 * The record as it was at `at`: its latest version whose `updatedAt` (when the partner's system
 * changed it) is not after `at`, or, with `by: 'received'`, as the hub knew it then. Undefined
 * when it did not exist yet.
 */
export async function recordAsOf(
  db: Kysely<Database>,
  type: RecordType,
  partnerId: number,
  recordId: string,
  at: Date,
  by: 'updated' | 'received' = 'updated',
): Promise<VersionView | undefined> {
  const column = sql.ref(by === 'updated' ? 'updated_at' : 'received_at')
  const { rows } = await sql<VersionRow>`
    select version, updated_at, received_at, payload from ${sql.table(`${type}_version`)}
    where partner_id = ${partnerId} and record_id = ${recordId} and ${column} <= ${at.toISOString()}
    order by version desc limit 1`.execute(db)
  return rows[0] ? view(rows[0]) : undefined
}
