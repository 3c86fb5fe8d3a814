import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { raw } from 'hono/html'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier, exampleCep } from '../../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { addUser } from '../../access/users.repository.ts'
import { workerPreparer } from '../../ingest/preparer.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { createApp } from '../app.ts'
import { mainText } from './pages/test-text.ts'

const AREA = 'http://hub.test/espace-partenaire'
const NIR = '2850575056048'
const PASSWORD = 'mot de passe de test'
const other = {
  nir: '1900269123456',
  birthName: 'MARTIN',
  usualName: 'Lefèvre',
  firstNames: 'Paul',
  sex: 'M',
  birthDate: '1990-02-01',
}

let store: TestStore
let app: ReturnType<typeof createApp>
let siteDir: string

// 25 dossiers about one person (more than a page of 20), 3 about another.
beforeAll(async () => {
  store = await openTestStore()
  siteDir = mkdtempSync(join(tmpdir(), 'passerelle-site-'))
  writeFileSync(join(siteDir, '404.html'), '<html lang="fr"><p>page du site public</p></html>')
  app = createApp({
    db: store.db,
    storeKind: store.kind,
    preparer: workerPreparer('s'),
    today: () => '2026-11-28',
    secret: 'test-secret',
    siteDir,
  })
  const { partner, token } = await addPartner(store.db, {
    code: 'CDC',
    name: 'Caisse des Dépôts',
    kind: 'CDC',
  })
  await addUser(store.db, { partnerId: partner.id, email: 'cdc@example.fr', password: PASSWORD })
  const records = [
    ...Array.from({ length: 25 }, (_, i) =>
      dossier({ id: `N-${String(i + 1).padStart(2, '0')}`, sharedWith: [] }),
    ),
    ...[1, 2, 3].map((i) => dossier({ id: `O-${i}`, sharedWith: [], trainee: other })),
  ]
  await sendAll(token, records)
})
afterAll(async () => {
  await store.dispose()
  rmSync(siteDir, { recursive: true, force: true })
})

/** Sends records with a partner's token; every one must be created (a fixture, not a test). */
async function sendAll(token: string, records: unknown[]): Promise<void> {
  const res = await app.request('/api/v1/records', {
    method: 'POST',
    body: JSON.stringify(records),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  })
  const outcomes = ((await res.json()) as { results: { outcome: string }[] }).results.map((r) => r.outcome)
  if (outcomes.some((o) => o !== 'created')) throw new Error(`fixture refused: ${outcomes.join(', ')}`)
}

function cookieOf(res: Response, name: string): string {
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`)) ?? ''
  return line.split(';')[0]!
}

const csrfOf = (markup: string) => /name="csrf" value="([^"]+)"/.exec(markup)![1]!

async function session(email = 'cdc@example.fr') {
  const form = await app.request(`${AREA}/connexion`)
  const res = await app.request(`${AREA}/connexion`, {
    method: 'POST',
    body: new URLSearchParams({
      csrf: csrfOf(await form.text()),
      email,
      password: PASSWORD,
    }),
    headers: { cookie: cookieOf(form, 'passerelle_connexion'), origin: 'http://hub.test', host: 'hub.test' },
  })
  const cookie = cookieOf(res, 'passerelle_session')
  const page = await (await app.request(`${AREA}/recherche`, { headers: { cookie } })).text()
  return { cookie, csrf: csrfOf(page) }
}

const post = (
  path: string,
  cookie: string,
  fields: Record<string, string> | [string, string][],
  accept = 'text/html',
) =>
  app.request(`${AREA}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { cookie, origin: 'http://hub.test', host: 'hub.test', accept },
  })

/** A partner of `kind` with one user, `<code>@example.fr`, that has sent `records`. */
async function partnerWith(code: string, kind: 'CEP' | 'FT', records: unknown[]): Promise<string> {
  const { partner, token } = await addPartner(store.db, { code, name: `Partenaire ${code}`, kind })
  const email = `${code.toLowerCase()}@example.fr`
  await addUser(store.db, { partnerId: partner.id, email, password: PASSWORD })
  await sendAll(token, records)
  return email
}

// The downloads a page offers, in order.
const downloads = (markup: string) => [...markup.matchAll(/<a href="([^"]+)" download>/g)].map((m) => m[1])

const resultIds = (markup: string) =>
  [...markup.matchAll(/<td><a href="\/espace-partenaire\/dossiers\/([^"]+)">/g)].map((m) => m[1])

// The fields of the form that leads to page `n` of the results, as the browser would send them.
function pageForm(markup: string, n: number): [string, string][] {
  const forms = [
    ...markup.matchAll(
      /<form method="post" action="\/espace-partenaire\/recherche" class="page">([\s\S]*?)<\/form>/g,
    ),
  ]
  const form = forms.find((f) => f[1]!.includes(`name="page" value="${n}"`))?.[1] ?? ''
  return [...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])
}

describe('the search of the partner area', () => {
  it('keeps a NIR search on page 2: the page form posts the NIR, sealed, with the CSRF token', async () => {
    const { cookie, csrf } = await session()
    const first = await (await post('/recherche', cookie, { csrf, nir: NIR })).text()
    const next = pageForm(first, 2)
    const second = await post('/recherche', cookie, next)
    const markup = await second.text()
    expect([
      resultIds(first),
      next.map(([k]) => k),
      second.status,
      resultIds(markup),
      first.includes(NIR) || markup.includes(NIR),
    ]).toEqual([
      Array.from({ length: 20 }, (_, i) => `N-${String(i + 1).padStart(2, '0')}`),
      ['csrf', 'nirScelle', 'page'],
      200,
      ['N-21', 'N-22', 'N-23', 'N-24', 'N-25'],
      false,
    ])
  })

  it('refuses a sealed NIR from another session, in French, rather than search without it', async () => {
    const a = await session()
    const next = pageForm(await (await post('/recherche', a.cookie, { csrf: a.csrf, nir: NIR })).text(), 2)
    const b = await session()
    const res = await post(
      '/recherche',
      b.cookie,
      next.map(([k, v]): [string, string] => [k, k === 'csrf' ? b.csrf : v]),
    )
    const text = await mainText(raw(await res.text()))
    expect([res.status, text.slice(0, 2)]).toEqual([
      400,
      [
        'Recherche de vos dossiers',
        'La recherche par NIR a expiré (votre session a changé) : saisissez à nouveau le NIR.',
      ],
    ])
  })

  it('says what is wrong with a search in French, and takes no page number but decimal digits', async () => {
    const { cookie, csrf } = await session()
    const res = await post('/recherche', cookie, {
      csrf,
      status: 'FINI',
      birthDate: '30/02/2024',
      page: '1e3',
    })
    const text = await mainText(raw(await res.text()))
    expect([res.status, text.slice(1, 4)]).toEqual([
      400,
      [
        'Statut « FINI » inconnu : choisissez-en un de la liste.',
        'Date de naissance : « 30/02/2024 » n’est pas une date du calendrier (JJ/MM/AAAA).',
        'Page « 1e3 » : un nombre entier de 1 à 100 000, en chiffres.',
      ],
    ])
  })

  it('reads dates typed the French way, JJ/MM/AAAA, whatever the browser’s language', async () => {
    const { cookie, csrf } = await session()
    const markup = await (await post('/recherche', cookie, { csrf, birthDate: '01/02/1990' })).text()
    expect([resultIds(markup), /<input id="birthDate"[^>]*>/.exec(markup)?.[0]]).toEqual([
      ['O-1', 'O-2', 'O-3'],
      '<input id="birthDate" name="birthDate" type="text" inputmode="numeric" placeholder="JJ/MM/AAAA" value="01/02/1990" autocomplete="off">',
    ])
  })

  it('shows the birth name and the usual name of a person found by the usual name, accents aside', async () => {
    const { cookie, csrf } = await session()
    const text = await mainText(
      raw(await (await post('/recherche', cookie, { csrf, name: 'lefevre' })).text()),
    )
    expect(text.slice(-4)).toEqual([
      'Dossier | Nom de naissance | Nom d’usage | Prénoms | Naissance | Dispositif | Statut | Début prévu | Sortie | Dossier partagé',
      'O-1 | MARTIN | Lefèvre | Paul | 01/02/1990 | CPF | Sorti de formation | 08/01/2024 | 28/06/2024 | non',
      'O-2 | MARTIN | Lefèvre | Paul | 01/02/1990 | CPF | Sorti de formation | 08/01/2024 | 28/06/2024 | non',
      'O-3 | MARTIN | Lefèvre | Paul | 01/02/1990 | CPF | Sorti de formation | 08/01/2024 | 28/06/2024 | non',
    ])
  })
})

describe('the partner area’s own answers', () => {
  it('answers an unknown address with the area’s French 404 when signed in, never the public site’s', async () => {
    const { cookie, csrf } = await session()
    const get = await app.request(`${AREA}/inconnue/page`, { headers: { cookie } })
    const markup = await get.text()
    const posted = await post('/inconnue', cookie, { csrf })
    expect([
      get.status,
      await mainText(raw(markup)),
      markup.includes('<nav aria-label="Menu principal">'),
      markup.includes('site public'),
      posted.status,
    ]).toEqual([
      404,
      [
        'Page introuvable',
        'Aucune page de l’espace partenaire ne correspond à cette adresse.',
        'Retour à la recherche',
      ],
      true,
      false,
      404,
    ])
  })

  it('sends a signed-in partner at the area’s address, with or without its slash, to the search page', async () => {
    const { cookie } = await session()
    const answers = await Promise.all(
      [AREA, `${AREA}/`].map(async (url) => {
        const res = await app.request(url, { headers: { cookie } })
        return [res.status, res.headers.get('location')]
      }),
    )
    expect(answers).toEqual([
      [303, '/espace-partenaire/recherche'],
      [303, '/espace-partenaire/recherche'],
    ])
  })

  it('sends a stranger at an unknown address to the sign-in page, exactly as from a page that exists', async () => {
    const unknown = await app.request(`${AREA}/inconnue`)
    const known = await app.request(`${AREA}/recherche`)
    expect([unknown.status, unknown.headers.get('location'), await unknown.text()]).toEqual([
      known.status,
      known.headers.get('location'),
      await known.text(),
    ])
    expect(unknown.headers.get('location')).toBe('/espace-partenaire/connexion')
  })

  it('answers a browser’s form over 64 KiB with a French page (413), a program with the JSON', async () => {
    const big = new URLSearchParams({ email: 'cdc@example.fr', password: 'x'.repeat(70_000) })
    const headers = { origin: 'http://hub.test', host: 'hub.test' }
    const browser = await app.request(`${AREA}/connexion`, {
      method: 'POST',
      body: big,
      headers: { ...headers, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    })
    const program = await app.request(`${AREA}/connexion`, { method: 'POST', body: big, headers })
    const markup = await browser.text()
    expect([
      browser.status,
      browser.headers.get('content-type'),
      markup.includes('<html lang="fr">'),
      await mainText(raw(markup)),
      program.status,
      await program.json(),
    ]).toEqual([
      413,
      'text/html; charset=UTF-8',
      true,
      [
        'Formulaire trop volumineux',
        'Le formulaire envoyé dépasse 64 Kio : il n’a pas été traité. Revenez à la page précédente et raccourcissez ce que vous avez saisi.',
        'Retour à l’espace partenaire',
      ],
      413,
      { error: { code: 'request/too-large', message: 'the body exceeds 65536 bytes' } },
    ])
  })

  it('says a changes cursor that does not open is invalid or expired, and links to the feed’s start', async () => {
    const { cookie } = await session()
    const res = await app.request(`${AREA}/changements?depuis=v2.Zm9yZ2Vk`, { headers: { cookie } })
    const text = await mainText(raw(await res.text()))
    expect([res.status, text[0], text.at(-1)]).toEqual([
      400,
      'Lien de suite invalide ou expiré',
      'Reprendre les changements depuis le début',
    ])
  })

  it('answers a misspelt export parameter with the area’s 404, not the programs’ file', async () => {
    const { cookie } = await session()
    const res = await app.request(`${AREA}/export.csv?fromat=excel`, { headers: { cookie } })
    expect([res.status, res.headers.get('content-type')?.startsWith('text/html')]).toEqual([404, true])
  })

  it('offers the export for a spreadsheet: a BOM, semicolons and codes kept as text', async () => {
    const { cookie } = await session()
    const res = await app.request(`${AREA}/export.csv?format=excel`, { headers: { cookie } })
    const bytes = new Uint8Array(await res.arrayBuffer())
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const [header, first] = text.split('\r\n')
    expect([
      res.headers.get('content-disposition'),
      [...bytes.slice(0, 3)],
      header!.split(';').slice(0, 5),
      first!.split(';').slice(2, 5),
    ]).toEqual([
      'attachment; filename="passerelle-CDC-2026-11-28-tableur.csv"',
      [0xef, 0xbb, 0xbf],
      ['\uFEFFshared_dossier_id', 'partner', 'record_id', 'yours', 'nir'],
      ['N-01', 'true', `"=""${NIR}"""`],
    ])
  })
})

describe('a refused form', () => {
  it('gets a browser the area’s French page (403) with a link back to a fresh form, a program the plain text', async () => {
    const { cookie } = await session()
    const browser = await post('/recherche', cookie, { csrf: 'forged', id: 'N-01' })
    const markup = await browser.text()
    const signOut = await post('/deconnexion/', cookie, {})
    const program = await post('/recherche', cookie, { id: 'N-01' }, '*/*')
    expect([
      browser.status,
      browser.headers.get('content-type'),
      await mainText(raw(markup)),
      markup.includes('<a href="/espace-partenaire/recherche">Revenir à la recherche</a>'),
      markup.includes('<nav aria-label="Menu principal">'),
      signOut.status,
      (await mainText(raw(await signOut.text()))).at(-1),
      program.status,
      program.headers.get('content-type'),
      await program.text(),
    ]).toEqual([
      403,
      'text/html; charset=UTF-8',
      [
        'Formulaire refusé',
        'Le formulaire n’a pas été traité : son jeton de sécurité est absent ou périmé, ou il vient d’un autre site. Cela arrive quand la page a été ouverte avant votre dernière connexion. Rouvrez la page et envoyez le formulaire à nouveau.',
        'Revenir à la recherche',
      ],
      true,
      true,
      403,
      'Retour à l’espace partenaire',
      403,
      'text/plain; charset=UTF-8',
      'Requête refusée : jeton de sécurité absent ou invalide. Rechargez la page.',
    ])
    // Nothing was done: the session is still there.
    expect((await app.request(`${AREA}/recherche`, { headers: { cookie } })).status).toBe(200)
  })
})

describe('a refused form posted to an address that holds none', () => {
  it('links back to the area’s home, never to the address it was posted to', async () => {
    const { cookie } = await session()
    const answers = []
    for (const path of ['/deconnexion', '/tableau-de-bord', '/recherche/x', '/inconnue']) {
      const res = await post(path, cookie, { csrf: 'forged' })
      const markup = await res.text()
      const links = [...markup.matchAll(/<main[\s\S]*<\/main>/g)].flatMap((main) =>
        [...main[0].matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((a) => [a[1], a[2]]),
      )
      answers.push([path, res.status, (await mainText(raw(markup)))[0], links])
    }
    const home = [['/espace-partenaire/', 'Retour à l’espace partenaire']]
    expect(answers).toEqual([
      ['/deconnexion', 403, 'Formulaire refusé', home],
      ['/tableau-de-bord', 403, 'Formulaire refusé', home],
      ['/recherche/x', 403, 'Formulaire refusé', home],
      ['/inconnue', 403, 'Formulaire refusé', home],
    ])
    // Nothing was done: the sign-out was refused, the session is still there.
    expect((await app.request(`${AREA}/recherche`, { headers: { cookie } })).status).toBe(200)
  })
})

describe('what the area offers each kind of partner', () => {
  it('shows a CEP operator its periods’ dashboard and files, and no dossier figure or file', async () => {
    const email = await partnerWith('APEC', 'CEP', [exampleCep()])
    const { cookie } = await session(email)
    const dashboard = await (await app.request(`${AREA}/tableau-de-bord`, { headers: { cookie } })).text()
    const text = await mainText(raw(dashboard))
    const exportPage = await (await app.request(`${AREA}/export`, { headers: { cookie } })).text()
    expect([
      text.filter((l) => /^(Tous vos dossiers|Toutes vos périodes|Auvergne|Femmes|Niveau 2)/.test(l)),
      text.includes('Accompagnements CEP'),
      downloads(exportPage),
    ]).toEqual([
      [
        'Toutes vos périodes | 1 | 1 | 100,0 %',
        'Niveau 2 : accompagnement personnalisé | 1 | 1 | 100,0 %',
        'Femmes, 26 à 44 ans | 1 | 1 | 100,0 %',
        'Auvergne-Rhône-Alpes | 1 | 1 | 100,0 %',
      ],
      true,
      ['/espace-partenaire/export-cep.csv?format=excel', '/espace-partenaire/export-cep.csv'],
    ])
  })

  it('shows a funder its dossiers’ dashboard and files only', async () => {
    const { cookie } = await session()
    const dashboard = await (await app.request(`${AREA}/tableau-de-bord`, { headers: { cookie } })).text()
    const exportPage = await (await app.request(`${AREA}/export`, { headers: { cookie } })).text()
    expect([
      (await mainText(raw(dashboard))).filter((l) => /^(Tous vos dossiers|Toutes vos périodes)/.test(l)),
      dashboard.includes('Accompagnements CEP') || exportPage.includes('Accompagnements CEP'),
      downloads(exportPage),
    ]).toEqual([
      ['Tous vos dossiers | 28 | 28 | 100,0 % | 0,0 %'],
      false,
      ['/espace-partenaire/export.csv?format=excel', '/espace-partenaire/export.csv'],
    ])
  })

  it('shows a funder that also sends CEP periods both dashboards and every file', async () => {
    const cep = { ...exampleCep(), id: 'FT-CEP-1' }
    const email = await partnerWith('FT', 'FT', [dossier({ id: 'FT-1', sharedWith: [] }), cep])
    const { cookie } = await session(email)
    const dashboard = await (await app.request(`${AREA}/tableau-de-bord`, { headers: { cookie } })).text()
    const exportPage = await (await app.request(`${AREA}/export`, { headers: { cookie } })).text()
    expect([
      (await mainText(raw(dashboard))).filter((l) => /^(Tous vos dossiers|Toutes vos périodes)/.test(l)),
      downloads(exportPage),
    ]).toEqual([
      ['Tous vos dossiers | 1 | 1 | 100,0 % | 0,0 %', 'Toutes vos périodes | 1 | 1 | 100,0 %'],
      [
        '/espace-partenaire/export.csv?format=excel',
        '/espace-partenaire/export.csv',
        '/espace-partenaire/export-cep.csv?format=excel',
        '/espace-partenaire/export-cep.csv',
      ],
    ])
  })
})
