import { Hono } from 'hono'
import type { AppEnv, ServerDeps } from './context.ts'
import { limitBody, SMALL_BODY_BYTES } from './middleware/body-limit.ts'
import { partnerAuth } from './middleware/partner-auth.ts'
import { apiHeaders, areaHeaders } from './middleware/security-headers.ts'
import { openApiDocument } from './openapi.ts'
import { tooLargePage } from './partner-area/pages/too-large.ts'
import { partnerArea } from './partner-area/routes.ts'
import { problem } from './problem.ts'
import { accessDeps } from './routes/access-deps.ts'
import { changesRoute } from './routes/changes.ts'
import { dossierReadRoute } from './routes/dossier-read.ts'
import { dossiersRoute } from './routes/dossiers.ts'
import { exportRoute } from './routes/export.ts'
import { MAX_JSON_BYTES, recordsRoute } from './routes/records.ts'
import { referentialsRoute } from './routes/referentials.ts'
import { tokenRoute } from './routes/token.ts'
import { mountSite } from './site.ts'

/**
 * The hub's HTTP application: the partner API under `/api/v1`, the partner area under
 * `/espace-partenaire/`, and the published site at `/`.
 */
export function createApp(deps: ServerDeps) {
  // strict: false: an address with or without its final slash is the same route (the partner
  // area's /espace-partenaire/, which the demo prints and the pages link, is its root).
  const app = new Hono<AppEnv>({ strict: false })
  const api = new Hono<AppEnv>()
  const openapi = openApiDocument()
  const access = accessDeps(deps)
  api.use('*', apiHeaders())
  api.get('/health', (c) => c.json({ status: 'ok', store: deps.storeKind }))
  api.get('/openapi.json', (c) => c.json(openapi))
  // Before the bearer middleware: this route authenticates in the statement that reads.
  api.route('/', dossierReadRoute(deps))
  const auth = partnerAuth(deps.db)
  for (const path of [
    '/records',
    '/dossiers/*',
    '/changes',
    '/export.csv',
    '/export-cep.csv',
    '/referentials/*',
    '/token',
  ])
    api.use(path, auth)
  // After authentication, so that a stranger's body is never read; an NDJSON stream has no limit.
  api.use(
    '/records',
    limitBody(MAX_JSON_BYTES, {
      only: (type) => type === 'application/json',
      advice: 'send an NDJSON stream (application/x-ndjson) for large transmissions',
    }),
  )
  api.use('/dossiers/search', limitBody(SMALL_BODY_BYTES))
  api.route('/', recordsRoute(deps))
  api.route('/', dossiersRoute(deps))
  api.route('/', changesRoute(access))
  api.route('/', exportRoute(deps))
  api.route('/', referentialsRoute(deps))
  api.route('/', tokenRoute())
  api.notFound((c) => problem(c, 404, 'request/not-found', `no route ${c.req.method} ${c.req.path}`))
  app.route('/api/v1', api)
  // Every form of the partner area, the sign-in of anyone included, is small. A browser gets the
  // area's French page; a program that does not ask for HTML, the API's JSON.
  app.use(
    '/espace-partenaire/*',
    areaHeaders(),
    limitBody(SMALL_BODY_BYTES, {
      answer: (c, json) =>
        /\btext\/html\b/.test(c.req.header('accept') ?? '')
          ? c.html(tooLargePage(SMALL_BODY_BYTES), 413)
          : json(),
    }),
  )
  app.route('/espace-partenaire', partnerArea(access))
  if (deps.siteDir)
    mountSite(app, deps.siteDir, deps.sitePublishing ? { publishing: deps.sitePublishing } : {})
  app.onError((error, c) => {
    // A failure of ours, not the caller's: logged with the route pattern, never the request's path
    // or body (a misused URL or a body may hold a NIR).
    console.error(`passerelle: ${c.req.method} ${c.req.routePath} failed: ${error.message}`)
    return problem(
      c,
      500,
      'server/error',
      'the hub could not complete the request; nothing of it was acknowledged',
    )
  })
  return app
}
