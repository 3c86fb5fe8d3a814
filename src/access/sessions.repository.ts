import { createHash, randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { PartnerUser } from './users.repository.ts'

/** A session ends after 30 minutes without a request, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}

/**
 * Starts a session at sign-in, and stamps the user's last sign-in; returns its id (for the cookie,
 * never stored in clear) and its CSRF token.
 */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
): Promise<{ id: string; csrfToken: string }> {
  const id = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(32).toString('base64url')
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('partner_session')
      .values({ id_hash: hashId(id), user_id: userId, csrf_token: csrfToken })
      .execute()
    await tx
      .updateTable('partner_user')
      .set({ last_sign_in_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute()
  })
  return { id, csrfToken }
}

/** A live session with its user. */
export interface Session {
  readonly user: PartnerUser
  readonly partnerName: string
  readonly csrfToken: string
}

/**
 * The session of `id` when it is live (not idle too long, not too old, user not disabled), and
 * touches it; undefined otherwise (an expired session is deleted).
 */
export async function readSession(
  db: Kysely<Database>,
  id: string,
  now = new Date(),
): Promise<Session | undefined> {
  const row = await db
    .selectFrom('partner_session as s')
    .innerJoin('partner_user as u', 'u.id', 's.user_id')
    .innerJoin('partner as p', 'p.id', 'u.partner_id')
    .select([
      's.id_hash',
      's.csrf_token',
      's.created_at',
      's.last_seen',
      'u.id',
      'u.partner_id',
      'u.email',
      'u.disabled_at',
      'u.must_change_password',
      'u.last_sign_in_at',
      'p.code',
      'p.name',
    ])
    .where('s.id_hash', '=', hashId(id))
    .executeTakeFirst()
  if (!row) return undefined
  const expired =
    now.getTime() - new Date(row.last_seen).getTime() > SESSION_IDLE_MS ||
    now.getTime() - new Date(row.created_at).getTime() > SESSION_ABSOLUTE_MS ||
    row.disabled_at !== null
  if (expired) {
    await db.deleteFrom('partner_session').where('id_hash', '=', row.id_hash).execute()
    return undefined
  }
  await db.updateTable('partner_session').set({ last_seen: now }).where('id_hash', '=', row.id_hash).execute()
  return {
    user: {
      id: row.id,
      partnerId: row.partner_id,
      partnerCode: row.code,
      email: row.email,
      disabled: false,
      mustChangePassword: row.must_change_password,
      lastSignIn: row.last_sign_in_at === null ? null : new Date(row.last_sign_in_at),
    },
    partnerName: row.name,
    csrfToken: row.csrf_token,
  }
}

/** Ends a session (sign-out). */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('partner_session').where('id_hash', '=', hashId(id)).execute()
}

/** Deletes sessions past their absolute expiry (housekeeping at sign-in). */
export async function purgeSessions(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db
    .deleteFrom('partner_session')
    .where('created_at', '<', new Date(now.getTime() - SESSION_ABSOLUTE_MS))
    .execute()
}
