import { Hono } from 'hono'
import { readChangePage } from '../../access/change-page.ts'
import { type ChangePosition, changePosition } from '../../access/changes.repository.ts'
import { decodeCursor, encodeCursor } from '../../access/cursor.ts'
import { quote } from '../../lib/quote.ts'
import type { AppEnv } from '../context.ts'
import { problem } from '../problem.ts'
import { unknownQueryParameter } from '../query-params.ts'
import type { AccessDeps } from './access-deps.ts'

/** Changes per page. */
export const CHANGES_PAGE = 500

/** `GET /changes?since=CURSOR`: what co-funders changed on the caller's shared dossiers. */
export function changesRoute(deps: AccessDeps) {
  const route = new Hono<AppEnv>()
  route.get('/changes', async (c) => {
    const unknown = unknownQueryParameter(c, ['since'])
    if (unknown !== undefined)
      return problem(
        c,
        400,
        'changes/unknown-parameter',
        `unknown query parameter ${quote(unknown)}: this route takes since (a cursor it gave you)`,
      )
    const partner = c.get('partner')
    const since = c.req.query('since')
    let after: ChangePosition | null = null
    if (since !== undefined && since !== '') {
      const position = changePosition(decodeCursor(deps.cursorKey, partner.id, since))
      if (!position) return problem(c, 400, 'cursor/invalid', 'the cursor is not one this hub gave you')
      after = position
    }
    const page = await readChangePage(deps.db, partner.id, after, CHANGES_PAGE, {
      actor: c.get('actor'),
      route: 'GET /api/v1/changes',
    })
    return c.json({
      changes: page.changes,
      next: encodeCursor(deps.cursorKey, partner.id, page.last),
      hasMore: page.more,
    })
  })
  return route
}
