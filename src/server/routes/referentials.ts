import { Hono } from 'hono'
import {
  PARTNER_REFERENTIALS,
  type PartnerReferential,
  searchReferential,
} from '../../access/referentials.repository.ts'
import { isPlainText } from '../../access/search.ts'
import type { AppEnv, ServerDeps } from '../context.ts'
import { problem } from '../problem.ts'

/** `GET /referentials/{organisms|certifications|catalogue}?q=&page=&pageSize=`: public reference data. */
export function referentialsRoute(deps: ServerDeps) {
  const route = new Hono<AppEnv>()
  route.get('/referentials/:kind', async (c) => {
    const kind = c.req.param('kind')
    if (!PARTNER_REFERENTIALS.includes(kind as PartnerReferential))
      return problem(c, 404, 'referential/not-found', `referentials are ${PARTNER_REFERENTIALS.join(', ')}`)
    const q = c.req.query('q') ?? ''
    const page = Number(c.req.query('page') ?? '1')
    const pageSize = Number(c.req.query('pageSize') ?? '50')
    if (q !== '' && !isPlainText(q))
      return problem(
        c,
        400,
        'referential/invalid-query',
        'q is at most 100 characters, without control characters',
      )
    if (!Number.isInteger(page) || page < 1 || page > 100_000)
      return problem(c, 400, 'referential/invalid-page', 'page must be an integer from 1')
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200)
      return problem(c, 400, 'referential/invalid-page-size', 'pageSize must be an integer from 1 to 200')
    const result = await searchReferential(deps.db, kind as PartnerReferential, q, page, pageSize)
    return c.json({ items: result.items, page, pageSize, hasMore: result.hasMore })
  })
  return route
}
