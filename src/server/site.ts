/**
 * The published site under `/`: static files, compressed on the way out (a page's script bundle
 * is ~290 KB raw, ~100 KB compressed), and the site's own `404.html` for paths that name nothing
 * (its links start from the site's root, src/site: it works at any depth as it is).
 * @module
 */
import { existsSync } from 'node:fs'
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

/** How long a browser waits before asking again for a site being published (seconds). */
export const PUBLISHING_RETRY_SECONDS = 15

/**
 * Serves `siteDir` at `/` on the app, after every route it already has. `publishing` tells whether
 * a publication is putting a site there meanwhile (the demo serves while it publishes): while it
 * does and the folder holds no site yet, its paths answer 503 with a French page that says so and
 * reloads itself, rather than « not found ».
 */
export function mountSite(
  app: Hono<AppEnv>,
  siteDir: string,
  options: { readonly publishing?: () => boolean } = {},
): void {
  app.use('/*', compress())
  app.use('/*', fileTypes)
  app.use('/*', serveStatic({ root: siteDir }))
  // Read at the first miss, then kept: unknown paths come often (crawlers, old links), and the page
  // names no release, so a site rebuilt under a running server keeps it. Its absence is not kept:
  // a site published under a running server brings one.
  let notFoundPage: Promise<string | null> | undefined
  app.notFound(async (c) => {
    // Mounted API apps do not get their own notFound: an unknown API route still answers in JSON.
    if (c.req.path.startsWith('/api/'))
      return problem(c, 404, 'request/not-found', `no route ${c.req.method} ${c.req.path}`)
    if (options.publishing?.() && !existsSync(join(siteDir, 'index.html'))) {
      c.header('retry-after', String(PUBLISHING_RETRY_SECONDS))
      c.header('cache-control', 'no-store')
      return c.html(PUBLISHING_PAGE, 503)
    }
    notFoundPage ??= readNotFoundPage(siteDir)
    const page = await notFoundPage
    if (page === null) notFoundPage = undefined
    return page === null ? c.text('not found', 404) : c.html(page, 404)
  })
}

async function readNotFoundPage(siteDir: string): Promise<string | null> {
  return readFile(join(siteDir, '404.html'), 'utf8').catch(() => null)
}

// Self-contained (no stylesheet or script of the site, which is not there yet).
const PUBLISHING_PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${PUBLISHING_RETRY_SECONDS}">
<title>Publication en cours · Passerelle</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}</style>
</head>
<body>
<main>
<h1>Publication en cours</h1>
<p>Les jeux de données sont en train d’être construits et protégés : le site apparaîtra ici dans quelques minutes. Cette page se recharge d’elle-même toutes les ${PUBLISHING_RETRY_SECONDS} secondes.</p>
<p>L’API des partenaires (<a href="/api/v1/openapi.json">/api/v1</a>) et l’<a href="/espace-partenaire/">espace partenaire</a> répondent déjà.</p>
</main>
</body>
</html>
`
