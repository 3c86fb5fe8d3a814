import type { MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { tokenActor } from '../../access/actor.ts'
import type { Database } from '../../db/database.ts'
import { partnerByToken } from '../../partners/partner.repository.ts'
import type { AppEnv } from '../context.ts'
import { problem } from '../problem.ts'

/**
 * Bearer-token authentication of partners. Tokens are compared by their sha256 in the database
 * (synchronous hashing, PERF-LIMITS §4); a missing, unknown or revoked token answers 401.
 */
export function partnerAuth(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="passerelle"')
      return problem(c, 401, 'auth/missing-token', 'an Authorization: Bearer <token> header is required')
    }
    const holder = await partnerByToken(db, match[1]!)
    if (!holder) {
      c.header('WWW-Authenticate', 'Bearer realm="passerelle", error="invalid_token"')
      return problem(c, 401, 'auth/invalid-token', 'the token is unknown or revoked')
    }
    c.set('partner', holder.partner)
    c.set('actor', tokenActor(holder.partner.code, holder.tokenId))
    await next()
    return undefined
  }
}
