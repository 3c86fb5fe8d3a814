import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from './context.ts'
import { mountSite } from './site.ts'

let dir: string
let app: Hono<AppEnv>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passerelle-site-'))
  await mkdir(join(dir, 'assets'))
  await writeFile(
    join(dir, 'index.html'),
    '<html><head><title>Accueil</title></head><body>accueil</body></html>',
  )
  await writeFile(join(dir, 'assets', 'app.js'), `export const x = ${JSON.stringify('x'.repeat(5000))}\n`)
  await writeFile(join(dir, 'CHANGELOG.md'), '# Versions\n')
  await writeFile(join(dir, 'flux.atom'), '<feed xmlns="http://www.w3.org/2005/Atom"/>\n')
  await writeFile(join(dir, 'table.csv'), 'a,b\n')
  await writeFile(
    join(dir, '404.html'),
    '<html><head><link href="/assets/site.css"></head><body>introuvable</body></html>',
  )
  app = new Hono<AppEnv>()
  app.get('/api/ping', (c) => c.text('pong'))
  mountSite(app, dir)
})

afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the published site', () => {
  it('serves its files, compressed for a client that accepts it', async () => {
    const plain = await app.request('/assets/app.js')
    const gzip = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'gzip' } })
    expect([plain.status, plain.headers.get('content-encoding'), (await plain.text()).length]).toEqual([
      200,
      null,
      5020,
    ])
    expect([gzip.status, gzip.headers.get('content-encoding')]).toEqual([200, 'gzip'])
    expect((await gzip.arrayBuffer()).byteLength).toBeLessThan(200)
  })

  it('gives documentation, the changelog and the feed types a browser shows, not a download', async () => {
    const types = await Promise.all(
      ['/CHANGELOG.md', '/flux.atom', '/table.csv', '/index.html'].map(async (path) => {
        const response = await app.request(path)
        return [path, response.status, response.headers.get('content-type')]
      }),
    )
    expect(types).toEqual([
      ['/CHANGELOG.md', 200, 'text/plain; charset=utf-8'],
      ['/flux.atom', 200, 'application/atom+xml; charset=utf-8'],
      ['/table.csv', 200, 'text/csv; charset=utf-8'],
      ['/index.html', 200, 'text/html; charset=utf-8'],
    ])
  })

  it('answers an unknown path at any depth with its 404 page as built (its links start from the root)', async () => {
    const response = await app.request('/indicateurs/inconnu/page.html')
    expect([response.status, await response.text()]).toEqual([
      404,
      '<html><head><link href="/assets/site.css"></head><body>introuvable</body></html>',
    ])
  })

  it('reads its 404 page once, at the first miss, and keeps it', async () => {
    const page = '<html><head><link href="/assets/site.css"></head><body>introuvable</body></html>'
    const before = await (await app.request('/ailleurs.html')).text()
    await writeFile(join(dir, '404.html'), '<html><head></head><body>réécrite</body></html>')
    const after = await (await app.request('/ailleurs.html')).text()
    expect([before, after]).toEqual([page, page])
  })

  it('looks again for a 404 page while it has none: a site published under a running server brings one', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'passerelle-site-'))
    try {
      const site = new Hono<AppEnv>()
      mountSite(site, bare)
      const first = await site.request('/rien.html')
      await writeFile(join(bare, '404.html'), '<html><head></head><body>introuvable</body></html>')
      const second = await site.request('/rien.html')
      expect([first.status, await first.text(), second.status, await second.text()]).toEqual([
        404,
        'not found',
        404,
        '<html><head></head><body>introuvable</body></html>',
      ])
    } finally {
      await rm(bare, { recursive: true, force: true })
    }
  })

  it('says that the site is being published, and to come back, while a publication puts the first one there', async () => {
    const bare = join(await mkdtemp(join(tmpdir(), 'passerelle-site-')), 'public')
    try {
      let publishing = true
      const site = new Hono<AppEnv>()
      site.get('/api/v1/health', (c) => c.json({ status: 'ok' }))
      mountSite(site, bare, { publishing: () => publishing })
      const answer = async (path: string) => {
        const response = await site.request(path)
        const text = await response.text()
        return [
          path,
          response.status,
          response.headers.get('retry-after'),
          text.includes('<h1>Publication en cours</h1>') ? 'publishing page' : text,
        ]
      }
      const during = [await answer('/'), await answer('/indicateurs/'), await answer('/api/v1/health')]
      await mkdir(bare, { recursive: true })
      await writeFile(join(bare, 'index.html'), '<html><body>accueil</body></html>')
      const built = [await answer('/'), await answer('/ailleurs.html')]
      publishing = false
      const after = [await answer('/ailleurs.html')]
      expect({ during, built, after }).toEqual({
        during: [
          ['/', 503, '15', 'publishing page'],
          ['/indicateurs/', 503, '15', 'publishing page'],
          ['/api/v1/health', 200, null, '{"status":"ok"}'],
        ],
        // Once the site is there, it is served, and a path it lacks is not found, publishing or not.
        built: [
          ['/', 200, null, '<html><body>accueil</body></html>'],
          ['/ailleurs.html', 404, null, 'not found'],
        ],
        after: [['/ailleurs.html', 404, null, 'not found']],
      })
    } finally {
      await rm(dirname(bare), { recursive: true, force: true })
    }
  })

  it('answers an unknown API route in JSON, not with the page', async () => {
    const response = await app.request('/api/v1/nothing')
    expect([response.status, await response.json()]).toEqual([
      404,
      { error: { code: 'request/not-found', message: 'no route GET /api/v1/nothing' } },
    ])
  })

  it('leaves the routes registered before it alone', async () => {
    const response = await app.request('/api/ping', { headers: { 'accept-encoding': 'gzip' } })
    expect([response.status, response.headers.get('content-encoding'), await response.text()]).toEqual([
      200,
      null,
      'pong',
    ])
  })
})
