import { Hono } from 'hono'
import { recordRead } from '../../access/audit.repository.ts'
import { withPartner } from '../../access/partner-tx.ts'
import { searchDossiers } from '../../access/search.repository.ts'
import { parseDossierQuery } from '../../access/search.ts'
import { loadSearchVocabulary } from '../../access/search-vocabulary.ts'
import type { AppEnv, ServerDeps } from '../context.ts'
import { problem } from '../problem.ts'

/** `POST /dossiers/search`: the caller's dossiers, under its row-level policies (`GET /dossiers/{id}`: dossier-read.ts). */
export function dossiersRoute(deps: ServerDeps) {
  const route = new Hono<AppEnv>()
  route.post('/dossiers/search', async (c) => {
    // The body is JSON, said so as /records asks it to be (a form or plain text is refused).
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/json')
      return problem(
        c,
        415,
        'request/unsupported-media-type',
        `content type "${type || '(none)'}" is not accepted: send the search as application/json`,
      )
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      return problem(c, 400, 'request/invalid-json', 'the body is not JSON')
    }
    const parsed = parseDossierQuery(body, await loadSearchVocabulary())
    if ('errors' in parsed) return c.json({ errors: parsed.errors }, 400)
    const { query } = parsed
    const partner = c.get('partner')
    const result = await withPartner(deps.db, partner.id, async (scope) => {
      const found = await searchDossiers(scope, query)
      await recordRead(scope, {
        actor: c.get('actor'),
        route: 'POST /api/v1/dossiers/search',
        dossiers: found.items.map((d) => d.id),
      })
      return found
    })
    return c.json({
      items: result.items,
      page: query.page,
      pageSize: query.pageSize,
      hasMore: result.hasMore,
    })
  })
  return route
}
