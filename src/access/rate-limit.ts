import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { inTransaction } from '../db/in-transaction.ts'
import { textArray } from '../db/json-param.ts'

/** At most 5 failed sign-ins per account and 20 per client address in 15 minutes. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 20

/** The keys a sign-in attempt is counted under. */
export function signInKeys(email: string, address: string): { account: string; address: string } {
  return { account: `account:${email.trim().toLowerCase()}`, address: `ip:${address}` }
}

/**
 * Seconds until the next attempt is allowed under these keys (0 when allowed). Counted in the
 * database so that a restart does not reset it.
 */
export async function retryAfter(
  db: Kysely<Database>,
  keys: { account: string; address: string },
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS)
  const rows = await db
    .selectFrom('sign_in_failure')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('at').as('first')])
    .where('key', 'in', [keys.account, keys.address])
    .where('at', '>', since)
    .groupBy('key')
    .execute()
  let wait = 0
  for (const row of rows) {
    const limit = row.key === keys.account ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS
    if (Number(row.n) >= limit) {
      const free = new Date(row.first as Date).getTime() + SIGN_IN_WINDOW_MS - now.getTime()
      wait = Math.max(wait, Math.ceil(free / 1000))
    }
  }
  return wait
}

/** Records a failed sign-in under both keys, and forgets failures older than the window. */
export async function recordFailure(
  db: Kysely<Database>,
  keys: { account: string; address: string },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('sign_in_failure')
    .values([
      { key: keys.account, at: now },
      { key: keys.address, at: now },
    ])
    .execute()
  await db
    .deleteFrom('sign_in_failure')
    .where('at', '<', new Date(now.getTime() - SIGN_IN_WINDOW_MS))
    .execute()
}

/** An attempt, counted or refused. */
export interface Attempt {
  /** Seconds until an attempt is allowed: > 0 when this one is refused (and nothing was counted). */
  readonly wait: number
  /** The password proved right: the attempt no longer counts as a failure. */
  succeeded(): Promise<void>
}

const ATTEMPT_LOCK_SPACE = 4244

/**
 * Counts an attempt as failed before its password is checked, so that attempts sent at once are
 * all counted: checking the count, then the password (scrypt, tens of milliseconds), then recording
 * the failure let a burst of 100 attempts check 35 passwords against a limit of 5. The keys are
 * locked (in a fixed order) while counting and recording, so two attempts cannot both see room for
 * one. When the password proves right, `succeeded` takes the attempt back.
 */
export async function beginAttempt(
  db: Kysely<Database>,
  keys: { account: string; address: string },
  now = new Date(),
): Promise<Attempt> {
  const wait = await inTransaction(db, async (tx) => {
    await sql`select count(pg_advisory_xact_lock(${ATTEMPT_LOCK_SPACE}, hashtext(k)))
      from (select k from unnest(${textArray([keys.account, keys.address].sort())}) as k order by k) as sorted`.execute(
      tx,
    )
    const wait = await retryAfter(tx, keys, now)
    if (wait === 0) await recordFailure(tx, keys, now)
    return wait
  })
  return {
    wait,
    succeeded: async () => {
      if (wait > 0) return
      // One row per key: another attempt at the same instant keeps its own.
      for (const key of [keys.account, keys.address])
        await sql`delete from sign_in_failure where ctid in (
          select ctid from sign_in_failure where key = ${key} and at = ${now} limit 1)`.execute(db)
    },
  }
}
