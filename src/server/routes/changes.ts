import { Hono } from 'hono'
import { recordRead } from '../../access/audit.repository.ts'
import { type ChangePosition, isChangePosition, readChanges } from '../../access/changes.repository.ts'
import { decodeCursor, encodeCursor } from '../../access/cursor.ts'
import { withPartner } from '../../access/partner-tx.ts'
import type { AppEnv } from '../context.ts'
import { problem } from '../problem.ts'
import type { AccessDeps } from './access-deps.ts'

/** Changes per page. */
export const CHANGES_PAGE = 500

/** `GET /changes?since=CURSOR`: what co-funders changed on the caller's shared dossiers. */
export function changesRoute(deps: AccessDeps) {
  const route = new Hono<AppEnv>()
  route.get('/changes', async (c) => {
    const partner = c.get('partner')
    const since = c.req.query('since')
    let after: ChangePosition | null = null
    if (since !== undefined && since !== '') {
      const position = decodeCursor(deps.cursorKey, partner.id, since)
      if (!isChangePosition(position))
        return problem(c, 400, 'cursor/invalid', 'the cursor is not one this hub gave you')
      after = position
    }
    const page = await withPartner(deps.db, partner.id, async (scope) => {
      const found = await readChanges(scope, after, CHANGES_PAGE)
      if (found.changes.length > 0)
        await recordRead(scope, {
          actor: c.get('actor'),
          route: 'GET /api/v1/changes',
          dossiers: [...new Set(found.changes.flatMap((ch) => ch.yourRecords))],
        })
      return found
    })
    return c.json({
      changes: page.changes,
      next: page.last ? encodeCursor(deps.cursorKey, partner.id, page.last) : null,
      hasMore: page.changes.length === CHANGES_PAGE,
    })
  })
  return route
}
