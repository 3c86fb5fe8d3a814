import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { inTransaction } from '../db/in-transaction.ts'
import { DEFAULT_TOKEN_DAYS, type IssuedToken, issueToken } from './token.repository.ts'

export const PARTNER_KINDS = ['REGION', 'OPCO', 'FT', 'CDC', 'TPRO', 'AGEFIPH', 'CEP'] as const
export type PartnerKind = (typeof PARTNER_KINDS)[number]

export interface Partner {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly kind: PartnerKind
}

/**
 * Creates a partner and its first token, valid `validDays` days; returns the clear token, which is
 * never stored.
 */
export async function addPartner(
  db: Kysely<Database>,
  input: { code: string; name: string; kind: PartnerKind },
  validDays = DEFAULT_TOKEN_DAYS,
): Promise<{ partner: Partner } & IssuedToken> {
  const [added] = await addPartners(db, [input], validDays)
  return added!
}

/**
 * Registers several partners, each with a first token valid `validDays` days, in one transaction:
 * all of them or none.
 */
export async function addPartners(
  db: Kysely<Database>,
  inputs: readonly { code: string; name: string; kind: PartnerKind }[],
  validDays = DEFAULT_TOKEN_DAYS,
): Promise<({ partner: Partner } & IssuedToken)[]> {
  return inTransaction(db, async (tx) => {
    const added: ({ partner: Partner } & IssuedToken)[] = []
    for (const input of inputs) {
      const partner = await tx
        .insertInto('partner')
        .values({ code: input.code, name: input.name, kind: input.kind })
        .returning(['id', 'code', 'name', 'kind'])
        .executeTakeFirstOrThrow()
      added.push({ partner: partner as Partner, ...(await issueToken(tx, partner.id, validDays)) })
    }
    return added
  })
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

/** Every partner, by code. */
export async function listPartners(db: Kysely<Database>): Promise<(Partner & { created_at: Date })[]> {
  const rows = await db
    .selectFrom('partner')
    .select(['id', 'code', 'name', 'kind', 'created_at'])
    .orderBy('code')
    .execute()
  return rows as (Partner & { created_at: Date })[]
}
