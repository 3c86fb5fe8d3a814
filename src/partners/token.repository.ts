import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { inTransaction } from '../db/in-transaction.ts'
import type { Partner } from './partner.repository.ts'
import { hashToken, newToken } from './tokens.ts'

/** How long a new token is valid when the operator says nothing (days). */
export const DEFAULT_TOKEN_DAYS = 365
/** The longest validity the operator may give a token (days): a token should change at least this often. */
export const MAX_TOKEN_DAYS = 1095
/** The longest time previous tokens may keep working after a rotation (days). */
export const MAX_OVERLAP_DAYS = 90

/** A token just issued: its id (what the audit log names), its end, and the clear token, which is never stored. */
export interface IssuedToken {
  readonly tokenId: number
  readonly token: string
  readonly expiresAt: Date
}

/** Issues a new token to a partner, valid `validDays` days from now (the database's clock). */
export async function issueToken(
  db: Kysely<Database>,
  partnerId: number,
  validDays = DEFAULT_TOKEN_DAYS,
): Promise<IssuedToken> {
  const token = newToken()
  const row = await db
    .insertInto('partner_token')
    .values({
      partner_id: partnerId,
      token_hash: hashToken(token),
      revoked_at: null,
      expires_at: sql<Date>`now() + make_interval(days => ${validDays}::int)`,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow()
  return { tokenId: row.id, token, expiresAt: new Date(row.expires_at!) }
}

/** What a rotation did to the tokens that were live before it. */
export interface Rotation extends IssuedToken {
  /** How many tokens were live before the rotation. */
  readonly previous: number
  /** When they stop working: now (revoked) without an overlap, else the end of the overlap or their own end if sooner. */
  readonly previousUntil: Date | null
}

/**
 * Issues a partner a new token valid `validDays` days. Its live tokens are revoked at once, or,
 * with `overlapDays` > 0, keep working that many more days (never past their own end), so that a
 * partner can deploy the new token before the old one stops.
 */
export async function rotateToken(
  db: Kysely<Database>,
  partnerId: number,
  { validDays = DEFAULT_TOKEN_DAYS, overlapDays = 0 }: { validDays?: number; overlapDays?: number } = {},
): Promise<Rotation> {
  return inTransaction(db, async (tx) => {
    const previous = tx
      .updateTable('partner_token')
      .where('partner_id', '=', partnerId)
      .where('revoked_at', 'is', null)
      .where(sql<boolean>`(expires_at is null or expires_at > now())`)
    const ended =
      overlapDays === 0
        ? await previous
            .set({ revoked_at: sql<Date>`now()` })
            .returning(sql<Date>`now()`.as('until'))
            .execute()
        : await previous
            .set({
              expires_at: sql<Date>`least(coalesce(expires_at, 'infinity'), now() + make_interval(days => ${overlapDays}::int))`,
            })
            .returning('expires_at as until')
            .execute()
    const until = ended.reduce<Date | null>((latest, r) => {
      const d = new Date(r.until!)
      return latest === null || d > latest ? d : latest
    }, null)
    return { ...(await issueToken(tx, partnerId, validDays)), previous: ended.length, previousUntil: until }
  })
}

/** What revoking a token found: revoked now, revoked before (when), or not a token of that partner. */
export type Revocation =
  | { readonly state: 'revoked'; readonly at: Date }
  | { readonly state: 'already-revoked'; readonly at: Date }
  | { readonly state: 'not-found' }

/**
 * Revokes one token of a partner at once (a leaked one; the partner keeps its others). An expired
 * token is revoked all the same, so that the register says it was withdrawn.
 */
export async function revokeToken(
  db: Kysely<Database>,
  partnerId: number,
  tokenId: number,
): Promise<Revocation> {
  const revoked = await db
    .updateTable('partner_token')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', tokenId)
    .where('partner_id', '=', partnerId)
    .where('revoked_at', 'is', null)
    .returning('revoked_at')
    .executeTakeFirst()
  if (revoked) return { state: 'revoked', at: new Date(revoked.revoked_at!) }
  const before = await db
    .selectFrom('partner_token')
    .select('revoked_at')
    .where('id', '=', tokenId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst()
  return before?.revoked_at
    ? { state: 'already-revoked', at: new Date(before.revoked_at) }
    : { state: 'not-found' }
}

const live = sql<boolean>`t.revoked_at is null and (t.expires_at is null or t.expires_at > now())`

/** A live token's holder, with what the token itself may tell its holder. */
export interface TokenHolder {
  readonly partner: Partner
  readonly tokenId: number
  readonly issuedAt: Date
  /** Null: issued before tokens expired, valid until rotated. */
  readonly expiresAt: Date | null
}

/** The partner owning a live token (not revoked, not expired), and the token's id and dates, or undefined. */
export async function partnerByToken(db: Kysely<Database>, token: string): Promise<TokenHolder | undefined> {
  const row = await db
    .selectFrom('partner_token as t')
    .innerJoin('partner as p', 'p.id', 't.partner_id')
    .select(['p.id', 'p.code', 'p.name', 'p.kind', 't.id as token_id', 't.created_at', 't.expires_at'])
    .where('t.token_hash', '=', hashToken(token))
    .where(live)
    .executeTakeFirst()
  if (!row) return undefined
  const { token_id, created_at, expires_at, ...partner } = row
  return {
    partner: partner as Partner,
    tokenId: token_id,
    issuedAt: new Date(created_at),
    expiresAt: expires_at === null ? null : new Date(expires_at),
  }
}

/**
 * When a token that authenticates no more expired, if it did (not revoked before): a partner is
 * told its token ended, and when, rather than only that it is not accepted. Only a holder of the
 * token learns it; an unknown or revoked token gives undefined.
 */
export async function tokenExpiredAt(db: Kysely<Database>, token: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('partner_token')
    .select('expires_at')
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where(sql<boolean>`expires_at <= now()`)
    .executeTakeFirst()
  return row?.expires_at ? new Date(row.expires_at) : undefined
}

/** One token of a partner as the operator sees it: never the token itself. */
export interface TokenRow {
  readonly id: number
  readonly createdAt: Date
  /** Null: issued before tokens expired, valid until rotated. */
  readonly expiresAt: Date | null
  readonly revokedAt: Date | null
}

/** Every token a partner was issued, oldest first, revoked and expired ones included (to read old audit rows). */
export async function listTokens(db: Kysely<Database>, partnerId: number): Promise<TokenRow[]> {
  const rows = await db
    .selectFrom('partner_token')
    .select(['id', 'created_at', 'expires_at', 'revoked_at'])
    .where('partner_id', '=', partnerId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at),
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
    revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
  }))
}

/** A partner's live token, for the register and the operator's warnings. */
export interface LiveToken {
  readonly partner: string
  readonly id: number
  readonly createdAt: Date
  readonly expiresAt: Date | null
}

/** Every live token (not revoked, not expired), of every partner or of one, by partner code then id. */
export async function liveTokens(db: Kysely<Database>, partnerId?: number): Promise<LiveToken[]> {
  let query = db
    .selectFrom('partner_token as t')
    .innerJoin('partner as p', 'p.id', 't.partner_id')
    .select(['p.code', 't.id', 't.created_at', 't.expires_at'])
    .where(live)
  if (partnerId !== undefined) query = query.where('t.partner_id', '=', partnerId)
  const rows = await query.orderBy('p.code').orderBy('t.id').execute()
  return rows.map((r) => ({
    partner: r.code,
    id: r.id,
    createdAt: new Date(r.created_at),
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
  }))
}
