import { Hono } from 'hono'
import {
  PARTNER_REFERENTIALS,
  type PartnerReferential,
  searchReferential,
} from '../../access/referentials.repository.ts'
import { isPlainText } from '../../access/search.ts'
import { quote } from '../../lib/quote.ts'
import type { AppEnv, ServerDeps } from '../context.ts'
import { problem } from '../problem.ts'
import { decimalInteger, unknownQueryParameter } from '../query-params.ts'

/** `GET /referentials/{organisms|certifications|catalogue}?q=&page=&pageSize=`: public reference data. */
export function referentialsRoute(deps: ServerDeps) {
  const route = new Hono<AppEnv>()
  route.get('/referentials/:kind', async (c) => {
    const kind = c.req.param('kind')
    if (!PARTNER_REFERENTIALS.includes(kind as PartnerReferential))
      return problem(c, 404, 'referential/not-found', `referentials are ${PARTNER_REFERENTIALS.join(', ')}`)
    const unknown = unknownQueryParameter(c, ['q', 'page', 'pageSize'])
    if (unknown !== undefined)
      return problem(
        c,
        400,
        'referential/unknown-parameter',
        `unknown query parameter ${quote(unknown)}: this route takes q, page and pageSize`,
      )
    const q = c.req.query('q') ?? ''
    const pageText = c.req.query('page') ?? '1'
    const pageSizeText = c.req.query('pageSize') ?? '50'
    const page = decimalInteger(pageText, 1, 100_000)
    const pageSize = decimalInteger(pageSizeText, 1, 200)
    if (q !== '' && !isPlainText(q))
      return problem(
        c,
        400,
        'referential/invalid-query',
        'q is at most 100 characters, without control characters',
      )
    if (page === undefined)
      return problem(
        c,
        400,
        'referential/invalid-page',
        `page ${quote(pageText)} must be an integer from 1 to 100000`,
      )
    if (pageSize === undefined)
      return problem(
        c,
        400,
        'referential/invalid-page-size',
        `pageSize ${quote(pageSizeText)} must be an integer from 1 to 200`,
      )
    const result = await searchReferential(deps.db, kind as PartnerReferential, q, page, pageSize)
    return c.json({ items: result.items, page, pageSize, hasMore: result.hasMore })
  })
  return route
}
