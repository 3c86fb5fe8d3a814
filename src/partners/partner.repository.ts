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

/** A token just issued: its id (what the audit log names) and the clear token, which is never stored. */
export interface IssuedToken {
  readonly tokenId: number
  readonly token: string
}

/** Creates a partner and its first token; returns the clear token, which is never stored. */
export async function addPartner(
  db: Kysely<Database>,
  input: { code: string; name: string; kind: PartnerKind },
): Promise<{ partner: Partner } & IssuedToken> {
  const [added] = await addPartners(db, [input])
  return added!
}

/** Registers several partners, each with a first token, in one transaction: all of them or none. */
export async function addPartners(
  db: Kysely<Database>,
  inputs: readonly { code: string; name: string; kind: PartnerKind }[],
): Promise<({ partner: Partner } & IssuedToken)[]> {
  return db.transaction().execute(async (tx) => {
    const added: ({ partner: Partner } & IssuedToken)[] = []
    for (const input of inputs) {
      const partner = await tx
        .insertInto('partner')
        .values({ code: input.code, name: input.name, kind: input.kind })
        .returning(['id', 'code', 'name', 'kind'])
        .executeTakeFirstOrThrow()
      added.push({ partner: partner as Partner, ...(await issueToken(tx, partner.id)) })
    }
    return added
  })
}

/** Revokes every live token of a partner and issues a new one. */
export async function rotateToken(db: Kysely<Database>, partnerId: number): Promise<IssuedToken> {
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partner_token')
      .set({ revoked_at: sql<Date>`now()` })
      .where('partner_id', '=', partnerId)
      .where('revoked_at', 'is', null)
      .execute()
    return issueToken(tx, partnerId)
  })
}

async function issueToken(db: Kysely<Database>, partnerId: number): Promise<IssuedToken> {
  const token = newToken()
  const row = await db
    .insertInto('partner_token')
    .values({ partner_id: partnerId, token_hash: hashToken(token), revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { tokenId: row.id, token }
}

/** The partner owning a live token and the token's id, or undefined. */
export async function partnerByToken(
  db: Kysely<Database>,
  token: string,
): Promise<{ partner: Partner; tokenId: number } | undefined> {
  const row = await db
    .selectFrom('partner_token as t')
    .innerJoin('partner as p', 'p.id', 't.partner_id')
    .select(['p.id', 'p.code', 'p.name', 'p.kind', 't.id as token_id'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const { token_id, ...partner } = row
  return { partner: partner as Partner, tokenId: token_id }
}

/** One token of a partner as the operator sees it: never the token itself. */
export interface TokenRow {
  readonly id: number
  readonly createdAt: Date
  readonly revokedAt: Date | null
}

/** Every token a partner was issued, oldest first, revoked ones included (to read old audit rows). */
export async function listTokens(db: Kysely<Database>, partnerId: number): Promise<TokenRow[]> {
  const rows = await db
    .selectFrom('partner_token')
    .select(['id', 'created_at', 'revoked_at'])
    .where('partner_id', '=', partnerId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at),
    revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
  }))
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

/**
 * Why `code` names no partner, for an error message: `unknown partner "cdc"`, with the code it
 * may have meant when one differs only by case (codes are case-sensitive: `CDC`), else `otherwise`
 * (what to do about a partner not registered yet).
 */
export async function unknownPartner(db: Kysely<Database>, code: string, otherwise = ''): Promise<string> {
  const near = await db
    .selectFrom('partner')
    .select('code')
    .where(sql<boolean>`upper(code) = upper(${code})`)
    .executeTakeFirst()
  return `unknown partner "${code}"${near ? ` (did you mean ${near.code}? codes are case-sensitive)` : otherwise}`
}

/** Every partner's name, by code (pages that name the partners a feed mentions). */
export async function partnerNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('partner').select(['code', 'name']).execute()
  return new Map(rows.map((r) => [r.code, r.name]))
}

/** Every partner, by code, with the ids of its live tokens. */
export async function listPartners(
  db: Kysely<Database>,
): Promise<(Partner & { tokenIds: number[]; created_at: Date })[]> {
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
      sql<number[]>`coalesce(array_agg(t.id order by t.id) filter (where t.id is not null), '{}')`.as(
        'token_ids',
      ),
    ])
    .groupBy(['p.id', 'p.code', 'p.name', 'p.kind', 'p.created_at'])
    .orderBy('p.code')
    .execute()
  return rows.map(({ token_ids, ...r }) => ({
    ...(r as Partner),
    created_at: r.created_at,
    tokenIds: token_ids.map(Number),
  }))
}
