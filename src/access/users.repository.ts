import type { Kysely } from 'kysely'
import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { inTransaction } from '../db/in-transaction.ts'
import { hashPassword, verifyPassword } from './password.ts'

/** A partner's user account (never with its hash). */
export interface PartnerUser {
  readonly id: number
  readonly partnerId: number
  readonly partnerCode: string
  readonly email: string
  readonly disabled: boolean
  /** The operator set its password: the user must choose their own before reading anything. */
  readonly mustChangePassword: boolean
  /** Null: never signed in. */
  readonly lastSignIn: Date | null
}

/** E-mails are compared in lower case: one account per address whatever its spelling. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * Creates a user of a partner with a hashed password; `mustChange` when someone else (the
 * operator) chose it, so that the user replaces it at first sign-in.
 */
export async function addUser(
  db: Kysely<Database>,
  input: { partnerId: number; email: string; password: string; mustChange?: boolean },
): Promise<number> {
  const row = await db
    .insertInto('partner_user')
    .values({
      partner_id: input.partnerId,
      email: normaliseEmail(input.email),
      password_hash: await hashPassword(input.password),
      disabled_at: null,
      must_change_password: input.mustChange ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const userColumns = [
  'u.id',
  'u.partner_id',
  'p.code',
  'u.email',
  'u.disabled_at',
  'u.must_change_password',
  'u.last_sign_in_at',
] as const

function toUser(r: {
  id: number
  partner_id: number
  code: string
  email: string
  disabled_at: Date | null
  must_change_password: boolean
  last_sign_in_at: Date | null
}): PartnerUser {
  return {
    id: r.id,
    partnerId: r.partner_id,
    partnerCode: r.code,
    email: r.email,
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password,
    lastSignIn: r.last_sign_in_at === null ? null : new Date(r.last_sign_in_at),
  }
}

/** Every user, optionally of one partner, by partner then e-mail. */
export async function listUsers(db: Kysely<Database>, partnerId?: number): Promise<PartnerUser[]> {
  let query = db
    .selectFrom('partner_user as u')
    .innerJoin('partner as p', 'p.id', 'u.partner_id')
    .select(userColumns)
    .orderBy('p.code')
    .orderBy('u.email')
  if (partnerId !== undefined) query = query.where('u.partner_id', '=', partnerId)
  return (await query.execute()).map(toUser)
}

/**
 * Changes a user's row and ends its sessions, in one transaction: what a session was opened under
 * (the account live, the password) no longer holds. False when there is no such user.
 */
async function changeAndEndSessions(
  db: Kysely<Database>,
  email: string,
  change: { disabled_at?: RawBuilder<Date>; password_hash?: string; must_change_password?: boolean },
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .updateTable('partner_user')
      .set(change)
      .where('email', '=', normaliseEmail(email))
      .returning('id')
      .executeTakeFirst()
    if (!row) return false
    await tx.deleteFrom('partner_session').where('user_id', '=', row.id).execute()
    return true
  })
}

/**
 * The account of `email` (normalised) locked for the rest of the transaction, with its partner and
 * whether it is disabled: an operator's change reads its state and logs it once, whoever else
 * changes it at the same time. Undefined when there is no such account.
 */
export async function lockedUser(
  tx: Kysely<Database>,
  email: string,
): Promise<{ partnerId: number; disabled: boolean } | undefined> {
  const row = await tx
    .selectFrom('partner_user')
    .select(['partner_id', 'disabled_at'])
    .where('email', '=', normaliseEmail(email))
    .forUpdate()
    .executeTakeFirst()
  return row && { partnerId: row.partner_id, disabled: row.disabled_at !== null }
}

/** Disables a user and ends its sessions; false when there is no such user. */
export function disableUser(db: Kysely<Database>, email: string): Promise<boolean> {
  return changeAndEndSessions(db, email, { disabled_at: sql<Date>`now()` })
}

/**
 * Gives a user a new password and ends its sessions (signed in with the old one, they must sign in
 * again); a disabled user stays disabled. `mustChange` when someone else (the operator) chose it:
 * the user replaces it at next sign-in. False when there is no such user.
 */
export async function resetPassword(
  db: Kysely<Database>,
  email: string,
  password: string,
  { mustChange = false }: { mustChange?: boolean } = {},
): Promise<boolean> {
  return changeAndEndSessions(db, email, {
    password_hash: await hashPassword(password),
    must_change_password: mustChange,
  })
}

/** Lets a disabled user sign in again (with its password of before); false when there is no such user. */
export async function enableUser(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db
    .updateTable('partner_user')
    .set({ disabled_at: null })
    .where('email', '=', normaliseEmail(email))
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

// Verifying against a fixed hash when the e-mail is unknown keeps the answer time the same.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

/** The live user whose e-mail and password match, or undefined (unknown, disabled or wrong password). */
export async function authenticate(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<PartnerUser | undefined> {
  const row = await db
    .selectFrom('partner_user as u')
    .innerJoin('partner as p', 'p.id', 'u.partner_id')
    .select([...userColumns, 'u.password_hash'])
    .where('u.email', '=', normaliseEmail(email))
    .executeTakeFirst()
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH)
  if (!row || !ok || row.disabled_at !== null) return undefined
  return toUser(row)
}
