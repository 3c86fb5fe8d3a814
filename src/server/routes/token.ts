import { Hono } from 'hono'
import type { AppEnv } from '../context.ts'

/**
 * `GET /token`: the calling token as its holder may know it (partner, id, audit actor, issue and
 * end), so that a partner's software can watch its token's end and ask for the next one in time.
 * Never the token itself; not a nominative read, so not audited.
 */
export function tokenRoute() {
  const route = new Hono<AppEnv>()
  route.get('/token', (c) => {
    const { code, name, kind } = c.get('partner')
    const token = c.get('token')
    return c.json({
      partner: { code, name, kind },
      token: {
        id: token.id,
        actor: c.get('actor'),
        issuedAt: token.issuedAt.toISOString(),
        expiresAt: token.expiresAt?.toISOString() ?? null,
      },
    })
  })
  return route
}
