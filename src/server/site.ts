/**
 * The published site under `/`: static files, compressed on the way out (a page's script bundle
 * is ~290 KB raw, ~100 KB compressed), and the site's own `404.html` for paths that name nothing
 * (its links start from the site's root, src/site: it works at any depth as it is).
 * @module
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono, MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'
import type { AppEnv } from './context.ts'
import { problem } from './problem.ts'

// Types that hono's list lacks or that a browser would download instead of showing: the
// documentation and the changelog (Markdown is text), the release feed.
const TYPES: Readonly<Record<string, string>> = {
  md: 'text/plain; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
}

const fileTypes: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const type = TYPES[c.req.path.slice(c.req.path.lastIndexOf('.') + 1)]
  if (type && c.res.status < 300) c.res.headers.set('content-type', type)
}

/** Serves `siteDir` at `/` on the app, after every route it already has. */
export function mountSite(app: Hono<AppEnv>, siteDir: string): void {
  app.use('/*', compress())
  app.use('/*', fileTypes)
  app.use('/*', serveStatic({ root: siteDir }))
  // Read at the first miss, then kept (its absence too): unknown paths come often (crawlers, old
  // links), and the page names no release, so a site rebuilt under a running server keeps it.
  let notFoundPage: Promise<string | null> | undefined
  app.notFound(async (c) => {
    // Mounted API apps do not get their own notFound: an unknown API route still answers in JSON.
    if (c.req.path.startsWith('/api/'))
      return problem(c, 404, 'request/not-found', `no route ${c.req.method} ${c.req.path}`)
    notFoundPage ??= readNotFoundPage(siteDir)
    const page = await notFoundPage
    return page === null ? c.text('not found', 404) : c.html(page, 404)
  })
}

async function readNotFoundPage(siteDir: string): Promise<string | null> {
  return readFile(join(siteDir, '404.html'), 'utf8').catch(() => null)
}
