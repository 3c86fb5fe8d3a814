import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'

/**
 * A transmission still marked running that has committed no batch for this long is shown as
 * stalled (`passerelle status`, the partner's quality page): a batch takes seconds.
 */
export const STALLED_AFTER_MINUTES = 10

/**
 * A transmission's status as shown, of the `transmission` row aliased `alias`: its status, or
 * `stalled` for one still running that has committed no batch for STALLED_AFTER_MINUTES (its
 * start standing in for a batch). One rule for `passerelle status` and the partner's quality page.
 */
export function shownStatus(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`)
  return sql<string>`case when ${column('status')} = 'running'
    and coalesce(${column('progressed_at')}, ${column('started_at')}) < now() - make_interval(mins => ${STALLED_AFTER_MINUTES})
    then 'stalled' else ${column('status')} end`
}

/** Opens a transmission for an API request. */
export async function openApiTransmission(
  db: Kysely<Database>,
  partnerId: number,
  source: string,
): Promise<number> {
  const row = await db
    .insertInto('transmission')
    .values({
      partner_id: partnerId,
      channel: 'api',
      source,
      file_sha256: null,
      file_size: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/**
 * Marks a transmission finished, at the database's clock: summaries compare this time with their
 * own (`now()` in PostgreSQL, to the microsecond); a time from this process's clock, to the
 * millisecond, could fall before a summary computed after it.
 */
export async function closeTransmission(
  db: Kysely<Database>,
  id: number,
  status: 'done' | 'interrupted' = 'done',
): Promise<void> {
  await db.updateTable('transmission').set({ status, finished_at: sql`now()` }).where('id', '=', id).execute()
}
