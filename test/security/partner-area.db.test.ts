import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, disableUser } from '../../src/access/users.repository.ts'
import { workerPreparer } from '../../src/ingest/preparer.ts'
import { createApp } from '../../src/server/app.ts'
import { dossier } from '../fixtures.ts'
import { openTestStore, type TestStore } from '../store.ts'
import { NIR_OTHER, NIR_SHARED, PASSWORD, partnerFixture } from './partner-fixture.ts'

let store: TestStore
let fx: Awaited<ReturnType<typeof partnerFixture>>

beforeAll(async () => {
  store = await openTestStore()
  fx = await partnerFixture(store)
})
afterAll(() => store.dispose())

const AREA = 'http://hub.test/espace-partenaire'
const APP_DEPS = { preparer: workerPreparer('s'), today: () => '2026-11-28', secret: 'test-secret' }

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const [name, value] = pair!.split('=') as [string, string]
    out[name] = value
  }
  return out
}

async function signInForm(app = fx.app, area = AREA) {
  const res = await app.request(`${area}/connexion`)
  const csrf = /name="csrf" value="([^"]+)"/.exec(await res.text())![1]!
  return { csrf, cookie: `passerelle_connexion=${cookiesOf(res).passerelle_connexion}` }
}

async function signIn(
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
  app = fx.app,
  area = AREA,
) {
  const form = await signInForm(app, area)
  return app.request(`${area}/connexion`, {
    method: 'POST',
    body: new URLSearchParams({ csrf: form.csrf, email, password }),
    headers: { cookie: form.cookie, origin: 'http://hub.test', host: 'hub.test', ...headers },
  })
}

async function session(email: string) {
  const res = await signIn(email)
  const id = cookiesOf(res).passerelle_session!
  const cookie = `passerelle_session=${id}`
  const page = await (await fx.app.request(`${AREA}/recherche`, { headers: { cookie } })).text()
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!
  return { cookie, csrf, id }
}

const post = (path: string, cookie: string, fields: Record<string, string>, origin = 'http://hub.test') =>
  fx.app.request(`${AREA}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { cookie, origin, host: 'hub.test' },
  })

describe('sign-in', () => {
  it('refuses a form body over 64 KiB from anyone before reading it all (413)', async () => {
    const res = await fx.app.request(`${AREA}/connexion`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'cdc@example.fr', password: 'x'.repeat(70_000) }),
      headers: { origin: 'http://hub.test', host: 'hub.test' },
    })
    expect([res.status, await res.json()]).toEqual([
      413,
      { error: { code: 'request/too-large', message: 'the body exceeds 65536 bytes' } },
    ])
  })

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure over TLS', async () => {
    const plain = await signIn('cdc@example.fr')
    expect(plain.status).toBe(303)
    const cookie = plain.headers.getSetCookie().find((c) => c.startsWith('passerelle_session='))!
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Strict$/)
    const tls = await signIn('cdc@example.fr', PASSWORD, {}, fx.app, 'https://hub.test/espace-partenaire')
    const secure = tls.headers.getSetCookie().find((c) => c.startsWith('passerelle_session='))!
    expect(secure).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict$/)
  })

  it('believes X-Forwarded-Proto and X-Forwarded-Host only behind a trusted proxy', async () => {
    const proxied = createApp({ ...APP_DEPS, db: store.db, storeKind: store.kind, trustProxy: 1 })
    const https = { 'x-forwarded-proto': 'https' }
    const session = (res: Response) =>
      res.headers.getSetCookie().find((c) => c.startsWith('passerelle_session='))
    expect(session(await signIn('cdc@example.fr', PASSWORD, https))).not.toMatch(/Secure/)
    expect(session(await signIn('cdc@example.fr', PASSWORD, https, proxied))).toMatch(/; Secure;/)
    // The proxy's public host stands for the hub's only when the proxy is trusted.
    const publicHost = {
      origin: 'https://passerelle.example.org',
      'x-forwarded-host': 'passerelle.example.org',
    }
    expect((await signIn('cdc@example.fr', PASSWORD, publicHost)).status).toBe(403)
    expect((await signIn('cdc@example.fr', PASSWORD, publicHost, proxied)).status).toBe(303)
  })

  it('stores only a hash of the session id', async () => {
    const { id } = await session('r84@example.fr')
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from partner_session where id_hash = ${id}`.execute(store.db)
    expect(rows[0]!.n).toBe(0)
  })

  it('refuses a sign-in without the form token or from another origin', async () => {
    const form = await signInForm()
    const noToken = await fx.app.request(`${AREA}/connexion`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'cdc@example.fr', password: PASSWORD }),
      headers: { cookie: form.cookie },
    })
    const otherOrigin = await fx.app.request(`${AREA}/connexion`, {
      method: 'POST',
      body: new URLSearchParams({ csrf: form.csrf, email: 'cdc@example.fr', password: PASSWORD }),
      headers: { cookie: form.cookie, origin: 'https://evil.example', host: 'hub.test' },
    })
    expect([noToken.status, otherOrigin.status]).toEqual([403, 403])
    expect(noToken.headers.getSetCookie().some((c) => c.startsWith('passerelle_session='))).toBe(false)
  })

  it('rate-limits failed sign-ins per account with 429 and Retry-After, across restarts (in the database)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await signIn('opco@example.fr', 'wrong')).status)
    const blocked = await signIn('opco@example.fr')
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from sign_in_failure where key = 'account:opco@example.fr'`.execute(store.db)
    expect(rows[0]!.n).toBe(5)
  })
})

describe('sign-in attempts sent at once', () => {
  it('are all counted: 5 passwords checked for an account, the others answered 429', async () => {
    await addUser(store.db, {
      partnerId: fx.partners.CDC.partner.id,
      email: 'burst@example.fr',
      password: PASSWORD,
    })
    // Behind a trusted proxy, from an address of its own, so that the per-address count is this test's.
    const proxied = createApp({ ...APP_DEPS, db: store.db, storeKind: store.kind, trustProxy: 1 })
    const from = { 'x-forwarded-for': '203.0.113.77' }
    const forms = await Promise.all(Array.from({ length: 20 }, () => signInForm(proxied)))
    const statuses = await Promise.all(
      forms.map(
        async (form) =>
          (
            await proxied.request(`${AREA}/connexion`, {
              method: 'POST',
              body: new URLSearchParams({ csrf: form.csrf, email: 'burst@example.fr', password: 'wrong' }),
              headers: { cookie: form.cookie, origin: 'http://hub.test', host: 'hub.test', ...from },
            })
          ).status,
      ),
    )
    expect([statuses.filter((s) => s === 401).length, statuses.filter((s) => s === 429).length]).toEqual([
      5, 15,
    ])
  })

  it('a right password takes its attempt back: it does not count as a failure', async () => {
    const proxied = createApp({ ...APP_DEPS, db: store.db, storeKind: store.kind, trustProxy: 1 })
    for (let i = 0; i < 3; i++)
      expect(
        (await signIn('r84@example.fr', PASSWORD, { 'x-forwarded-for': '203.0.113.78' }, proxied)).status,
      ).toBe(303)
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from sign_in_failure where key in ('account:r84@example.fr', 'ip:203.0.113.78')`.execute(
      store.db,
    )
    expect(rows[0]!.n).toBe(0)
  })
})

describe('signed-in pages', () => {
  it('render search, dossier, changes, export, dashboard and quality in French for the signed-in partner', async () => {
    const { cookie } = await session('cdc@example.fr')
    const pages = ['/recherche', '/dossiers/CPF-1', '/changements', '/export', '/tableau-de-bord', '/qualite']
    for (const path of pages) {
      const res = await fx.app.request(`${AREA}${path}`, { headers: { cookie } })
      const text = await res.text()
      expect([
        path,
        res.status,
        text.includes('<html lang="fr">'),
        /https?:\/\/(?!hub\.test)/.test(text),
      ]).toEqual([path, 200, true, false])
    }
    const dossier = await (await fx.app.request(`${AREA}/dossiers/CPF-1`, { headers: { cookie } })).text()
    expect(dossier).toContain('Région Auvergne-Rhône-Alpes')
    expect(dossier).toContain('ARA-1')
  })

  it('answers another partner’s dossier exactly like a missing one', async () => {
    const { cookie } = await session('r84@example.fr')
    const theirs = await fx.app.request(`${AREA}/dossiers/CPF-2`, { headers: { cookie } })
    const none = await fx.app.request(`${AREA}/dossiers/NOPE`, { headers: { cookie } })
    expect([theirs.status, await theirs.text()]).toEqual([none.status, await none.text()])
    expect(none.status).toBe(404)
  })

  it('searches by NIR through a POST body and never writes a NIR into a URL or the form', async () => {
    const { cookie, csrf } = await session('cdc@example.fr')
    const res = await post('/recherche', cookie, { csrf, nir: NIR_SHARED })
    const text = await res.text()
    expect(res.status).toBe(200)
    expect(text).toContain('/espace-partenaire/dossiers/CPF-1')
    expect(text).not.toContain(NIR_SHARED)
    const hrefs = [...text.matchAll(/(?:href|action)="([^"]+)"/g)].map((m) => m[1]!)
    expect(hrefs.filter((h) => h.includes(NIR_SHARED) || h.includes(NIR_OTHER))).toEqual([])
  })

  it('refuses a POST without the CSRF token, with a wrong one, or from another origin', async () => {
    const { cookie, csrf } = await session('cdc@example.fr')
    const answers = [
      await post('/recherche', cookie, { nir: NIR_SHARED }),
      await post('/recherche', cookie, { csrf: 'x'.repeat(csrf.length), nir: NIR_SHARED }),
      await post('/recherche', cookie, { csrf, nir: NIR_SHARED }, 'https://evil.example'),
      await post('/deconnexion', cookie, {}),
    ]
    expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403])
  })

  it('sends a request without a live session to the sign-in page: none, forged, idle too long, disabled user', async () => {
    const idle = await session('cdc@example.fr')
    await sql`update partner_session set last_seen = now() - interval '31 minutes'`.execute(store.db)
    const disabled = await session('r84@example.fr')
    await disableUser(store.db, 'r84@example.fr')
    const statuses = []
    for (const cookie of ['', 'passerelle_session=forged', idle.cookie, disabled.cookie]) {
      const res = await fx.app.request(`${AREA}/dossiers/CPF-1`, { headers: { cookie } })
      statuses.push([res.status, res.headers.get('location')])
    }
    expect(statuses).toEqual(Array(4).fill([303, '/espace-partenaire/connexion']))
  })

  it('signs out: the session is deleted and the cookie cleared', async () => {
    const { cookie, csrf } = await session('cdc@example.fr')
    const out = await post('/deconnexion', cookie, { csrf })
    expect(out.status).toBe(303)
    expect(out.headers.getSetCookie().some((c) => /^passerelle_session=;.*Max-Age=0/.test(c))).toBe(true)
    const after = await fx.app.request(`${AREA}/recherche`, { headers: { cookie } })
    expect(after.status).toBe(303)
  })
})

describe('response headers', () => {
  it('serve the area under a policy that allows no script, no framing and posts to the hub only', async () => {
    const { cookie } = await session('cdc@example.fr')
    const res = await fx.app.request(`${AREA}/dossiers/CPF-1`, { headers: { cookie } })
    const headers = Object.fromEntries(
      [
        'content-security-policy',
        'x-frame-options',
        'referrer-policy',
        'x-content-type-options',
        'cache-control',
      ].map((h) => [h, res.headers.get(h)]),
    )
    expect(headers).toEqual({
      'content-security-policy':
        "default-src 'self'; img-src 'self' data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
  })
})

describe('changing one’s password', () => {
  const NEW = 'un nouveau mot de passe'
  const change = (cookie: string, csrf: string, actuel: string, nouveau: string, confirmation = nouveau) =>
    post('/mot-de-passe', cookie, { csrf, actuel, nouveau, confirmation })
  const newUser = (email: string) =>
    addUser(store.db, { partnerId: fx.partners.CDC.partner.id, email, password: PASSWORD })
  const alerts = async (res: Response) => [
    res.status,
    [...(await res.text()).matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1]).filter((t) => !t!.includes('<a')),
  ]

  it('refuses a wrong current password, a short, unchanged or unconfirmed new one, saying why', async () => {
    await newUser('pw1@example.fr')
    const { cookie, csrf } = await session('pw1@example.fr')
    const answers = [
      await alerts(await change(cookie, csrf, 'not the password', NEW)),
      await alerts(await change(cookie, csrf, PASSWORD, 'court')),
      await alerts(await change(cookie, csrf, PASSWORD, PASSWORD)),
      await alerts(await change(cookie, csrf, PASSWORD, NEW, `${NEW}!`)),
    ]
    expect(answers.map(([status, texts]) => [status, (texts as string[]).slice(-1)])).toEqual([
      [400, ['Le mot de passe actuel est incorrect.']],
      [400, ['Le nouveau mot de passe doit compter au moins 12 caractères.']],
      [400, ['Le nouveau mot de passe doit différer de l’actuel.']],
      [400, ['Les deux saisies du nouveau mot de passe diffèrent.']],
    ])
  })

  it('changes it, ends every session of the account and signs in with the new one only', async () => {
    await newUser('pw2@example.fr')
    const other = await session('pw2@example.fr')
    const { cookie, csrf } = await session('pw2@example.fr')
    const changed = await change(cookie, csrf, PASSWORD, NEW)
    const stillIn = async (c: string) =>
      (await fx.app.request(`${AREA}/recherche`, { headers: { cookie: c } })).status
    expect([
      changed.status,
      changed.headers.get('location'),
      await stillIn(cookie),
      await stillIn(other.cookie),
      (await signIn('pw2@example.fr', PASSWORD)).status,
      (await signIn('pw2@example.fr', NEW)).status,
    ]).toEqual([303, '/espace-partenaire/connexion?motdepasse=1', 303, 303, 401, 303])
  })

  it('sends a user whose password the operator chose to the password page from every page until they choose their own', async () => {
    await addUser(store.db, {
      partnerId: fx.partners.CDC.partner.id,
      email: 'pw4@example.fr',
      password: PASSWORD,
      mustChange: true,
    })
    const cookie = `passerelle_session=${cookiesOf(await signIn('pw4@example.fr')).passerelle_session}`
    const get = (path: string) => fx.app.request(`${AREA}${path}`, { headers: { cookie } })
    const where = async (res: Response) => [res.status, res.headers.get('location')]
    const page = await (await get('/mot-de-passe')).text()
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!
    const away = '/espace-partenaire/mot-de-passe'
    expect({
      pages: await Promise.all(
        [
          '/',
          '/recherche',
          '/dossiers/CPF-1',
          '/changements',
          '/export.csv',
          '/export-cep.csv',
          '/tableau-de-bord',
          '/qualite',
        ].map(async (path) => where(await get(path))),
      ),
      search: await where(await post('/recherche', cookie, { csrf, id: 'CPF-1' })),
      notice: page.includes('Votre mot de passe a été choisi par l’opérateur du hub, qui le connaît'),
    }).toEqual({
      pages: Array.from({ length: 8 }, () => [303, away]),
      search: [303, away],
      notice: true,
    })
    expect(await where(await change(cookie, csrf, PASSWORD, NEW))).toEqual([
      303,
      '/espace-partenaire/connexion?motdepasse=1',
    ])
    const mine = `passerelle_session=${cookiesOf(await signIn('pw4@example.fr', NEW)).passerelle_session}`
    const after = await fx.app.request(`${AREA}/recherche`, { headers: { cookie: mine } })
    const again = await fx.app.request(`${AREA}/mot-de-passe`, { headers: { cookie: mine } })
    expect([after.status, (await again.text()).includes('choisi par l’opérateur')]).toEqual([200, false])
  })

  it('counts wrong current passwords as failed sign-ins of the account (429 after 5)', async () => {
    await newUser('pw3@example.fr')
    const { cookie, csrf } = await session('pw3@example.fr')
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await change(cookie, csrf, `wrong ${i}`, NEW)).status)
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429])
  })
})

describe('the partner’s dashboard and quality figures', () => {
  // Last in the file: it sends OPCO a third dossier.
  it('are kept once computed, shown as being updated after the partner transmits, then updated', async () => {
    // A server that looks for newer data at every view (no minimum age).
    const app = createApp({ db: store.db, storeKind: store.kind, ...APP_DEPS, summaryMaxAgeSeconds: 0 })
    // A user of its own: the cases above rate-limited OPCO's.
    await addUser(store.db, {
      partnerId: fx.partners.OPCO.partner.id,
      email: 'opco2@example.fr',
      password: PASSWORD,
    })
    const id = cookiesOf(await signIn('opco2@example.fr', PASSWORD, {}, app)).passerelle_session!
    const view = async () => {
      const res = await app.request(`${AREA}/tableau-de-bord`, {
        headers: { cookie: `passerelle_session=${id}` },
      })
      const text = await res.text()
      return {
        status: res.status,
        total: /Tous vos dossiers<\/th><td class="n">(\d+)</.exec(text)?.[1],
        computed: /Chiffres calculés le <time datetime="([^"]+)"/.exec(text)?.[1],
        refreshing: text.includes('en cours de mise à jour'),
      }
    }
    const first = await view()
    expect(first).toEqual({ status: 200, total: '2', computed: expect.any(String), refreshing: false })
    expect(await view()).toEqual(first)
    const other = {
      nir: NIR_OTHER,
      birthName: 'MARTIN',
      firstNames: 'Paul',
      sex: 'M',
      birthDate: '1990-02-01',
    }
    await fx.post('OPCO', [dossier({ id: 'OP-3', sharedWith: [], trainee: other, dispositif: 'PDC' })])
    expect(await view()).toEqual({ ...first, refreshing: true })
    let next = await view()
    for (let i = 0; i < 100 && next.refreshing; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      next = await view()
    }
    expect(next).toEqual({ status: 200, total: '3', computed: expect.any(String), refreshing: false })
    expect(next.computed! > first.computed!).toBe(true)
  })
})
