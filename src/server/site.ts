/**
 * The published site under `/`: static files, compressed on the way out (a page's script bundle
 * is ~280 KB raw, ~100 KB compressed), and the site's own `404.html` for paths that name nothing.
 * @module
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { compress } from 'hono/compress'
import type { AppEnv } from './context.ts'
import { problem } from './problem.ts'

/** Serves `siteDir` at `/` on the app, after every route it already has. */
export function mountSite(app: Hono<AppEnv>, siteDir: string): void {
  app.use('/*', compress())
  app.use('/*', serveStatic({ root: siteDir }))
  app.notFound(async (c) => {
    // Mounted API apps do not get their own notFound: an unknown API route still answers in JSON.
    if (c.req.path.startsWith('/api/'))
      return problem(c, 404, 'request/not-found', `no route ${c.req.method} ${c.req.path}`)
    const page = await readFile(join(siteDir, '404.html'), 'utf8').catch(() => null)
    if (page === null) return c.text('not found', 404)
    // The page's links are relative to the site's root; a missing page may sit deeper.
    return c.html(page.replace(/<head>/i, '<head><base href="/">'), 404)
  })
}
