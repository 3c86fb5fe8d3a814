import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'

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

/** Marks a transmission finished. */
export async function closeTransmission(
  db: Kysely<Database>,
  id: number,
  status: 'done' | 'interrupted' = 'done',
): Promise<void> {
  await db.updateTable('transmission').set({ status, finished_at: new Date() }).where('id', '=', id).execute()
}
