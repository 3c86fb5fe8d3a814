import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { hashToken, newToken } from './tokens.ts'

export const PARTNER_KINDS = ['REGION', 'OPCO', 'FT', 'CDC', 'TPRO', 'AGEFIPH', 'CEP'] as const
export type PartnerKind = (typeof PARTNER_KINDS)[number]

export interface Partner {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly kind: PartnerKind
}

/** Creates a partner and its first token; returns the clear token, which is never stored. */
export async function addPartner(
  db: Kysely<Database>,
  input: { code: string; name: string; kind: PartnerKind },
): Promise<{ partner: Partner; token: string }> {
  return db.transaction().execute(async (tx) => {
    const partner = await tx
      .insertInto('partner')
      .values(input)
      .returning(['id', 'code', 'name', 'kind'])
      .executeTakeFirstOrThrow()
    const token = newToken()
    await tx
      .insertInto('partner_token')
      .values({ partner_id: partner.id, token_hash: hashToken(token), revoked_at: null })
      .execute()
    return { partner: partner as Partner, token }
  })
}

/** Revokes every live token of a partner and issues a new one. */
export async function rotateToken(db: Kysely<Database>, partnerId: number): Promise<string> {
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partner_token')
      .set({ revoked_at: sql<Date>`now()` })
      .where('partner_id', '=', partnerId)
      .where('revoked_at', 'is', null)
      .execute()
    const token = newToken()
    await tx
      .insertInto('partner_token')
      .values({ partner_id: partnerId, token_hash: hashToken(token), revoked_at: null })
      .execute()
    return token
  })
}

/** The partner owning a live token, or undefined. */
export async function partnerByToken(db: Kysely<Database>, token: string): Promise<Partner | undefined> {
  const row = await db
    .selectFrom('partner_token as t')
    .innerJoin('partner as p', 'p.id', 't.partner_id')
    .select(['p.id', 'p.code', 'p.name', 'p.kind'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst()
  return row as Partner | undefined
}

/** A partner by its code, or undefined. */
export async function partnerByCode(db: Kysely<Database>, code: string): Promise<Partner | undefined> {
  const row = await db
    .selectFrom('partner')
    .select(['id', 'code', 'name', 'kind'])
    .where('code', '=', code)
    .executeTakeFirst()
  return row as Partner | undefined
}

/** Every partner, by code. */
export async function listPartners(
  db: Kysely<Database>,
): Promise<(Partner & { tokens: number; created_at: Date })[]> {
  const rows = await db
    .selectFrom('partner as p')
    .leftJoin('partner_token as t', (join) =>
      join.onRef('t.partner_id', '=', 'p.id').on('t.revoked_at', 'is', null),
    )
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.kind',
      'p.created_at',
      (eb) => eb.fn.count<number>('t.id').as('tokens'),
    ])
    .groupBy(['p.id', 'p.code', 'p.name', 'p.kind', 'p.created_at'])
    .orderBy('p.code')
    .execute()
  return rows.map((r) => ({ ...(r as Partner), created_at: r.created_at, tokens: Number(r.tokens) }))
}
