import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { exportLines } from '../../access/export.ts'
import type { Database } from '../../db/database.ts'
import type { AppEnv } from '../context.ts'

/**
 * A CSV download streamed from the database batch after batch (pull-based: no buffering ahead of
 * the client), logged under `route` (the API's or the partner area's).
 */
export function csvStream(
  db: Kysely<Database>,
  partnerId: number,
  actor: string,
  route: string,
): ReadableStream<Uint8Array> {
  const lines = exportLines(db, partnerId, actor, { route })
  const encoder = new TextEncoder()
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await lines.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await lines.return(undefined)
    },
  })
}

/** Headers of a CSV attachment named after the partner and the day. */
export function csvHeaders(code: string, today: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="passerelle-${code}-${today}.csv"`,
    'cache-control': 'no-store',
  }
}

/** `GET /export.csv`: every record the caller may read, as a CSV stream of any size. */
export function exportRoute(deps: { db: Kysely<Database>; today: () => string }) {
  const route = new Hono<AppEnv>()
  route.get('/export.csv', (c) => {
    const partner = c.get('partner')
    const lines = csvStream(deps.db, partner.id, c.get('actor'), 'GET /api/v1/export.csv')
    return c.body(lines, 200, csvHeaders(partner.code, deps.today()))
  })
  return route
}
