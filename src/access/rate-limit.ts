import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'

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
