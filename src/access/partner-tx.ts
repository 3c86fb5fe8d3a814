import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../db/database.ts'

declare const scoped: unique symbol

/**
 * A transaction running as `passerelle_reader` with `passerelle.partner` set: every row it reads
 * passes the row-level security policies of that partner (migration 2026_12_02_19_00_00). The
 * repositories of partner reads take this type, never a bare `Kysely`, so that a read cannot run
 * outside the policies by mistake.
 */
export interface PartnerScope {
  readonly db: Transaction<Database>
  readonly partnerId: number
  readonly [scoped]: true
}

/**
 * Runs `read` in a transaction scoped to `partnerId` (see PartnerScope). `SET LOCAL` ends with the
 * transaction, so the pooled connection goes back to the pool as the hub's own role.
 */
export function withPartner<T>(
  db: Kysely<Database>,
  partnerId: number,
  read: (scope: PartnerScope) => Promise<T>,
): Promise<T> {
  if (!Number.isInteger(partnerId)) throw new Error(`invalid partner id: ${partnerId}`)
  return db.transaction().execute(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE. A read commits only its
    // audit row: it does not wait for the WAL flush (synchronous_commit off), so a server crash
    // can lose the audit rows of the last ~0.6 s (3 × wal_writer_delay), never corrupt them; on a
    // shared disk the flush would otherwise bound the reads per second.
    await sql`select set_config('role', 'passerelle_reader', true), set_config('passerelle.partner', ${String(partnerId)}, true), set_config('synchronous_commit', 'off', true)`.execute(
      tx,
    )
    return read({ db: tx, partnerId } as PartnerScope)
  })
}
