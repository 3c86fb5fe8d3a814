import { Hono, type MiddlewareHandler } from 'hono'
import { recordRead } from '../../access/audit.repository.ts'
import { readChangePage } from '../../access/change-page.ts'
import { changePosition } from '../../access/changes.repository.ts'
import { decodeCursor, encodeCursor } from '../../access/cursor.ts'
import { readDossier } from '../../access/dossier.repository.ts'
import { withPartner } from '../../access/partner-tx.ts'
import { readRecentQuality } from '../../access/quality.repository.ts'
import { referentialNames } from '../../access/referential-names.repository.ts'
import { searchDossiers } from '../../access/search.repository.ts'
import { isPlainText, parseDossierQuery } from '../../access/search.ts'
import { loadSearchVocabulary } from '../../access/search-vocabulary.ts'
import { deleteSession } from '../../access/sessions.repository.ts'
import { SUMMARIES, summarised } from '../../access/summaries.ts'
import { partnerNames } from '../../partners/partner.repository.ts'
import { liveTokens } from '../../partners/token.repository.ts'
import type { AccessDeps } from '../routes/access-deps.ts'
import { csvHeaders, csvStream } from '../routes/export.ts'
import { changesPage } from './pages/changes.ts'
import { dashboardPage } from './pages/dashboard.ts'
import { dossierPage } from './pages/dossier.ts'
import { exportPage } from './pages/export.ts'
import { notFoundPage } from './pages/not-found.ts'
import { qualityPage } from './pages/quality.ts'
import { searchPage } from './pages/search.ts'
import { computingPage } from './pages/summary-note.ts'
import { passwordRoutes } from './password.ts'
import {
  type AreaEnv,
  clearSessionCookie,
  proxyTrust,
  requireSession,
  sameOrigin,
  sameToken,
} from './session.ts'
import { signInRoutes } from './sign-in.ts'
import { PARTNER_CSS } from './style.ts'

/** Every POST of a signed-in page carries the session's CSRF token and comes from this origin. */
function csrf(): MiddlewareHandler<AreaEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody()
      const token = typeof form.csrf === 'string' ? form.csrf : undefined
      if (!sameOrigin(c) || !sameToken(token, c.get('session').csrfToken))
        return c.text('Requête refusée : jeton de sécurité absent ou invalide. Rechargez la page.', 403)
    }
    await next()
    return undefined
  }
}

/** The partner area (`/espace-partenaire/`): server-rendered French pages over the same reads as the API. */
export function partnerArea(deps: AccessDeps) {
  const area = new Hono<AreaEnv>()
  area.use('*', proxyTrust(deps.trustProxy ?? 0))
  area.get('/style.css', (c) => c.body(PARTNER_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }))
  area.route('/', signInRoutes(deps.db, deps.trustProxy))
  const signedIn = new Hono<AreaEnv>()
  signedIn.use('*', requireSession(deps.db), csrf())
  const info = (c: { get(k: 'session'): AreaEnv['Variables']['session'] }) => {
    const s = c.get('session')
    return { partnerName: s.partnerName, email: s.user.email, csrfToken: s.csrfToken }
  }
  const actor = (c: { get(k: 'session'): AreaEnv['Variables']['session'] }) =>
    `user:${c.get('session').user.email}`

  signedIn.get('/', (c) => c.redirect('/espace-partenaire/recherche', 303))
  signedIn.get('/recherche', async (c) => c.html(searchPage(info(c), await loadSearchVocabulary(), {})))
  signedIn.post('/recherche', async (c) => {
    const form = await c.req.parseBody()
    const input: Record<string, string> = {}
    for (const [k, v] of Object.entries(form))
      if (typeof v === 'string' && v !== '' && k !== 'csrf') input[k] = v
    const body: Record<string, unknown> = { ...input }
    if (input.page) body.page = Number(input.page)
    const vocabulary = await loadSearchVocabulary()
    const parsed = parseDossierQuery(body, vocabulary)
    if ('errors' in parsed)
      return c.html(searchPage(info(c), vocabulary, input, undefined, parsed.errors), 400)
    const partnerId = c.get('session').user.partnerId
    const result = await withPartner(deps.db, partnerId, async (scope) => {
      const found = await searchDossiers(scope, parsed.query)
      await recordRead(scope, {
        actor: actor(c),
        route: 'POST /espace-partenaire/recherche',
        dossiers: found.items.map((d) => d.id),
      })
      return found
    })
    return c.html(searchPage(info(c), vocabulary, input, { ...result, page: parsed.query.page }))
  })
  signedIn.get('/dossiers/:id', async (c) => {
    const id = c.req.param('id')
    const partnerId = c.get('session').user.partnerId
    const view = !isPlainText(id, 200)
      ? undefined
      : await readDossier(deps.db, partnerId, id, deps.today(), {
          actor: actor(c),
          route: 'GET /espace-partenaire/dossiers/{id}',
        })
    if (!view) return c.html(notFoundPage(info(c)), 404)
    const field = (k: string) => [
      ...new Set(
        view.contributions.map((r) => r.current[k]).filter((v): v is string => typeof v === 'string'),
      ),
    ]
    const names = await referentialNames(deps.db, field('certificationCode'), field('organismSiret'))
    return c.html(dossierPage(info(c), view, names))
  })
  signedIn.get('/changements', async (c) => {
    const partnerId = c.get('session').user.partnerId
    const since = c.req.query('depuis')
    const position = since ? changePosition(decodeCursor(deps.cursorKey, partnerId, since)) : null
    if (position === undefined) return c.html(notFoundPage(info(c)), 400)
    const page = await readChangePage(deps.db, partnerId, position, 200, {
      actor: actor(c),
      route: 'GET /espace-partenaire/changements',
    })
    const next = page.more ? encodeCursor(deps.cursorKey, partnerId, page.last) : null
    return c.html(changesPage(info(c), page.changes, next, await partnerNames(deps.db)))
  })
  signedIn.get('/export', (c) => c.html(exportPage(info(c))))
  signedIn.get('/export.csv', (c) => {
    const { user } = c.get('session')
    return c.body(
      csvStream(deps.db, user.partnerId, actor(c), 'GET /espace-partenaire/export.csv'),
      200,
      csvHeaders(user.partnerCode, deps.today()),
    )
  })
  signedIn.get('/tableau-de-bord', async (c) => {
    const today = deps.today()
    const dashboard = await summarised(
      deps.db,
      deps.summaries,
      c.get('session').user.partnerId,
      'dashboard',
      today,
      (scope) => SUMMARIES.dashboard(scope, today),
    )
    if (!dashboard) return c.html(computingPage(info(c), 'Tableau de bord', c.req.path), 202)
    return c.html(dashboardPage(info(c), dashboard, (await loadSearchVocabulary()).dispositifs))
  })
  signedIn.get('/qualite', async (c) => {
    const partnerId = c.get('session').user.partnerId
    const today = deps.today()
    const summary = await summarised(deps.db, deps.summaries, partnerId, 'quality', today, (scope) =>
      SUMMARIES.quality(scope, today),
    )
    if (!summary) return c.html(computingPage(info(c), 'Qualité de vos données', c.req.path), 202)
    const recent = await withPartner(deps.db, partnerId, readRecentQuality)
    // Tokens are not nominative, and the reader role may not see them: read as the hub, ids and dates only.
    const live = (await liveTokens(deps.db, partnerId)).map((t) => ({
      id: t.id,
      issuedAt: t.createdAt,
      expiresAt: t.expiresAt,
    }))
    return c.html(qualityPage(info(c), { ...recent, ...summary.body }, summary, { live, now: new Date() }))
  })
  signedIn.route('/', passwordRoutes(deps, info))
  signedIn.post('/deconnexion', async (c) => {
    await deleteSession(deps.db, c.get('sessionId'))
    clearSessionCookie(c)
    return c.redirect('/espace-partenaire/connexion?sortie=1', 303)
  })
  signedIn.notFound((c) => c.html(notFoundPage(info(c)), 404))
  area.route('/', signedIn)
  return area
}
