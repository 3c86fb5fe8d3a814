import { Hono } from 'hono'
import { isPlainText } from '../../access/search.ts'
import { readDossierWithToken } from '../../access/token-dossier.ts'
import type { AppEnv, ServerDeps } from '../context.ts'
import { bearerToken, missingToken, refusedToken } from '../middleware/partner-auth.ts'
import { problem } from '../problem.ts'

const MAX_ID = 200

/**
 * `GET /dossiers/{id}`: the caller's shared dossier, authenticated, read under its row-level
 * policies and audited in one statement (the partner API's hottest route). Mounted before the
 * bearer middleware, whose work it does itself: the same 401 answers, and an id that is not the
 * caller's answers exactly as one that does not exist.
 */
export function dossierReadRoute(deps: ServerDeps) {
  const route = new Hono<AppEnv>()
  route.get('/dossiers/:id', async (c) => {
    const token = bearerToken(c.req.header('authorization'))
    if (!token) return missingToken(c)
    const id = c.req.param('id')
    const read = await readDossierWithToken(
      deps.db,
      token,
      isPlainText(id, MAX_ID) ? id : null,
      deps.today(),
      'GET /api/v1/dossiers/{id}',
    )
    if (!read) return refusedToken(c, deps.db, token)
    if (!read.view) return problem(c, 404, 'dossier/not-found', 'no dossier of yours has this id')
    return c.json(read.view)
  })
  return route
}
