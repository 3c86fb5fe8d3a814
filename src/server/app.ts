import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv, ServerDeps } from './context.ts'
import { partnerAuth } from './middleware/partner-auth.ts'
import { openApiDocument } from './openapi.ts'
import { problem } from './problem.ts'
import { recordsRoute } from './routes/records.ts'

/** The hub's HTTP application: the partner API under `/api/v1`, and the published site at `/`. */
export function createApp(deps: ServerDeps) {
  const app = new Hono<AppEnv>()
  const api = new Hono<AppEnv>()
  const openapi = openApiDocument()
  api.get('/health', (c) => c.json({ status: 'ok', store: deps.storeKind }))
  api.get('/openapi.json', (c) => c.json(openapi))
  api.use('/records', partnerAuth(deps.db))
  api.route('/', recordsRoute(deps))
  api.notFound((c) => problem(c, 404, 'request/not-found', `no route ${c.req.method} ${c.req.path}`))
  app.route('/api/v1', api)
  if (deps.siteDir) app.use('/*', serveStatic({ root: deps.siteDir }))
  app.onError((error, c) => {
    // A failure of ours, not the caller's: logged without the request body (it may hold NIRs).
    console.error(`passerelle: ${c.req.method} ${c.req.path} failed: ${error.message}`)
    return problem(
      c,
      500,
      'server/error',
      'the hub could not complete the request; nothing of it was acknowledged',
    )
  })
  return app
}
