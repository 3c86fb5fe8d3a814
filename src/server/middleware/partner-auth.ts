import type { Context, MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { tokenActor } from '../../access/actor.ts'
import type { Database } from '../../db/database.ts'
import { partnerByToken, tokenExpiredAt } from '../../partners/token.repository.ts'
import type { AppEnv } from '../context.ts'
import { problem } from '../problem.ts'

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]
}

/** The 401 answer to a request without a bearer token. */
export function missingToken(c: Context<AppEnv>): Response {
  c.header('WWW-Authenticate', 'Bearer realm="passerelle"')
  return problem(c, 401, 'auth/missing-token', 'an Authorization: Bearer <token> header is required')
}

/**
 * The 401 answer to a token that does not authenticate: `auth/expired-token` with its end when it
 * expired (a partner's deployment then knows to ask for a new one), else `auth/invalid-token`.
 * Looked up only once the token was refused: the hot path pays nothing for it.
 */
export async function refusedToken(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  token: string,
): Promise<Response> {
  const expiredAt = await tokenExpiredAt(db, token)
  if (expiredAt) {
    c.header(
      'WWW-Authenticate',
      'Bearer realm="passerelle", error="invalid_token", error_description="the token expired"',
    )
    return problem(
      c,
      401,
      'auth/expired-token',
      `the token expired on ${expiredAt.toISOString()}; the hub's operator issues a new one (passerelle partners rotate-token)`,
    )
  }
  c.header('WWW-Authenticate', 'Bearer realm="passerelle", error="invalid_token"')
  return problem(c, 401, 'auth/invalid-token', 'the token is unknown or revoked')
}

/**
 * Bearer-token authentication of partners. Tokens are compared by their sha256 in the database
 * (synchronous hashing, PERF-LIMITS §4); a missing, unknown, revoked or expired token answers 401.
 * `GET /dossiers/{id}` authenticates in its own statement (routes/dossier-read.ts).
 */
export function partnerAuth(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'))
    if (!token) return missingToken(c)
    const holder = await partnerByToken(db, token)
    if (!holder) return refusedToken(c, db, token)
    c.set('partner', holder.partner)
    c.set('actor', tokenActor(holder.partner.code, holder.tokenId))
    c.set('token', { id: holder.tokenId, issuedAt: holder.issuedAt, expiresAt: holder.expiresAt })
    await next()
    return undefined
  }
}
