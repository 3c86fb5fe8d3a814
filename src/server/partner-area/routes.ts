import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { recordRead } from '../../access/audit.repository.ts'
import { readChangePage } from '../../access/change-page.ts'
import { changePosition } from '../../access/changes.repository.ts'
import { decodeCursor, encodeCursor } from '../../access/cursor.ts'
import { readDossier } from '../../access/dossier.repository.ts'
import { withPartner } from '../../access/partner-tx.ts'
import { readRecentQuality } from '../../access/quality.repository.ts'
import { readSourcesShown } from '../../access/record-sources.ts'
import { referentialNames } from '../../access/referential-names.repository.ts'
import { searchDossiers } from '../../access/search.repository.ts'
import { isPlainText, parseDossierQuery } from '../../access/search.ts'
import { loadSearchVocabulary } from '../../access/search-vocabulary.ts'
import { deleteSession } from '../../access/sessions.repository.ts'
import { SUMMARIES, summarised } from '../../access/summaries.ts'
import { partnerNames } from '../../partners/partner.repository.ts'
import { liveTokens } from '../../partners/token.repository.ts'
import { codeLabels } from '../../reference/code-labels.ts'
import { unknownQueryParameter } from '../query-params.ts'
import type { AccessDeps } from '../routes/access-deps.ts'
import { csvFormat, csvHeaders, csvStream } from '../routes/export.ts'
import { type FormPages, formPages } from './form-pages.ts'
import { isoFromFrDate } from './format.ts'
import { changesPage, invalidCursorPage } from './pages/changes.ts'
import { dashboardPage } from './pages/dashboard.ts'
import { dossierPage } from './pages/dossier.ts'
import { exportPage } from './pages/export.ts'
import { notFoundPage } from './pages/not-found.ts'
import { qualityPage } from './pages/quality.ts'
import { formRefusedPage } from './pages/refused.ts'
import { DATE_FIELDS, SEALED_NIR_FIELD, SEALED_NIR_INVALID, searchPage } from './pages/search.ts'
import { computingPage } from './pages/summary-note.ts'
import { passwordRoutes } from './password.ts'
import { openNir, sealNir } from './sealed-nir.ts'
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

type SessionInfo = Parameters<typeof notFoundPage>[0]

/**
 * Every POST of a signed-in page carries the session's CSRF token and comes from this origin. A
 * refused one gets, in a browser, the area's French page with a link back to a fresh form (the
 * form's page, as its route declared it in `forms`, or the area's home for sign-out, which every
 * page's header posts); a program that does not ask for HTML, the plain text it always got.
 */
function csrf(info: (c: Context<AreaEnv>) => SessionInfo, forms: FormPages): MiddlewareHandler<AreaEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody()
      const token = typeof form.csrf === 'string' ? form.csrf : undefined
      if (!sameOrigin(c) || !sameToken(token, c.get('session').csrfToken)) {
        if (!/\btext\/html\b/.test(c.req.header('accept') ?? ''))
          return c.text('Requête refusée : jeton de sécurité absent ou invalide. Rechargez la page.', 403)
        return c.html(formRefusedPage(info(c), forms.backTo(c.req.path)), 403)
      }
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
  const info = (c: { get(k: 'session'): AreaEnv['Variables']['session'] }): SessionInfo => {
    const s = c.get('session')
    return { partnerName: s.partnerName, email: s.user.email, csrfToken: s.csrfToken }
  }
  // Filled by the routes below as they are declared, read by the CSRF check on each request.
  const forms = formPages()
  signedIn.use('*', requireSession(deps.db), csrf(info, forms))
  const actor = (c: { get(k: 'session'): AreaEnv['Variables']['session'] }) =>
    `user:${c.get('session').user.email}`

  signedIn.get('/', (c) => c.redirect('/espace-partenaire/recherche', 303))
  const search = forms.declare('/recherche', 'Revenir à la recherche')
  signedIn.get(search, async (c) => c.html(searchPage(info(c), await loadSearchVocabulary(), {})))
  signedIn.post(search, async (c) => {
    const form = await c.req.parseBody()
    const input: Record<string, string> = {}
    for (const [k, v] of Object.entries(form))
      if (typeof v === 'string' && v !== '' && k !== 'csrf' && k !== SEALED_NIR_FIELD) input[k] = v
    const body: Record<string, unknown> = { ...input }
    // A form sends text: a page in decimal digits is a number, anything else (`1e3`, `0x10`) is
    // left as text for the search to refuse, where Number() would have read some other page.
    for (const k of ['page', 'pageSize'])
      if (input[k] !== undefined && /^[0-9]+$/.test(input[k])) body[k] = Number(input[k])
    for (const k of DATE_FIELDS) if (input[k] !== undefined) body[k] = isoFromFrDate(input[k])
    const vocabulary = await loadSearchVocabulary()
    const sessionId = c.get('sessionId')
    const sealed = form[SEALED_NIR_FIELD]
    if (input.nir === undefined && typeof sealed === 'string' && sealed !== '') {
      const nir = openNir(deps.cursorKey, sessionId, sealed)
      if (nir === undefined) {
        const errors = [{ path: '/nir', code: SEALED_NIR_INVALID, message: 'the sealed nir does not open' }]
        return c.html(searchPage(info(c), vocabulary, input, { errors }), 400)
      }
      body.nir = nir
    }
    const parsed = parseDossierQuery(body, vocabulary)
    if ('errors' in parsed)
      return c.html(searchPage(info(c), vocabulary, input, { errors: parsed.errors }), 400)
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
    const { nir } = parsed.query
    return c.html(
      searchPage(info(c), vocabulary, input, {
        result: { ...result, page: parsed.query.page },
        ...(nir ? { sealedNir: sealNir(deps.cursorKey, sessionId, nir) } : {}),
      }),
    )
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
    if (position === undefined) return c.html(invalidCursorPage(info(c)), 400)
    const page = await readChangePage(deps.db, partnerId, position, 200, {
      actor: actor(c),
      route: 'GET /espace-partenaire/changements',
    })
    const next = page.more ? encodeCursor(deps.cursorKey, partnerId, page.last) : null
    return c.html(changesPage(info(c), page.changes, next, await partnerNames(deps.db)))
  })
  signedIn.get('/export', async (c) => {
    const shown = await withPartner(deps.db, c.get('session').user.partnerId, readSourcesShown)
    return c.html(exportPage(info(c), shown))
  })
  for (const [path, source] of [
    ['/export.csv', 'dossiers'],
    ['/export-cep.csv', 'cep'],
  ] as const) {
    signedIn.get(path, (c) => {
      const { user } = c.get('session')
      const format = csvFormat(c.req.query('format'))
      // A misspelt parameter (`?fromat=excel`) would give the programs' file without a word.
      if (!format || unknownQueryParameter(c, ['format']) !== undefined)
        return c.html(notFoundPage(info(c), 'page'), 404)
      return c.body(
        csvStream(deps.db, user.partnerId, actor(c), `GET /espace-partenaire${path}`, format, source),
        200,
        csvHeaders(user.partnerCode, deps.today(), format, source),
      )
    })
  }
  signedIn.get('/tableau-de-bord', async (c) => {
    const today = deps.today()
    const partnerId = c.get('session').user.partnerId
    // A funder's dashboard is on its dossiers, a CEP operator's on its periods, each its own summary.
    const shown = await withPartner(deps.db, partnerId, readSourcesShown)
    const [dossiers, cep] = await Promise.all([
      shown.dossiers
        ? summarised(deps.db, deps.summaries, partnerId, 'dashboard', today, (scope) =>
            SUMMARIES.dashboard(scope, today),
          )
        : undefined,
      shown.cep
        ? summarised(deps.db, deps.summaries, partnerId, 'cep-dashboard', today, (scope) =>
            SUMMARIES['cep-dashboard'](scope, today),
          )
        : undefined,
    ])
    if (dossiers === null || cep === null) {
      const records = [shown.dossiers && 'vos dossiers', shown.cep && 'vos périodes d’accompagnement CEP']
      const what = records.filter((r) => r !== false).join(' et ')
      return c.html(computingPage(info(c), 'Tableau de bord', c.req.path, what), 202)
    }
    const names = {
      dispositifs: (await loadSearchVocabulary()).dispositifs,
      regions: await codeLabels('regions.csv', 'code_region', 'nom'),
    }
    return c.html(
      dashboardPage(info(c), { ...(dossiers ? { dossiers } : {}), ...(cep ? { cep } : {}) }, names),
    )
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
  signedIn.route('/', passwordRoutes(deps, info, forms))
  signedIn.post('/deconnexion', async (c) => {
    await deleteSession(deps.db, c.get('sessionId'))
    clearSessionCookie(c)
    return c.redirect('/espace-partenaire/connexion?sortie=1', 303)
  })
  // Last, after every route of the area: sub-apps' notFound handlers are not called when mounted,
  // so an unknown address would get the public site's 404. Behind requireSession, a stranger is
  // sent to the sign-in page as from any page of the area, and learns nothing of which exist.
  signedIn.all('*', (c) => c.html(notFoundPage(info(c), 'page'), 404))
  area.route('/', signedIn)
  return area
}
