import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/** A built site served on a random local port, as any static host would (404.html for the rest). */
export interface StaticSite {
  readonly url: string
  close(): Promise<void>
}

/** Serves `dir` on 127.0.0.1 with a random port. */
export async function serveSite(dir: string): Promise<StaticSite> {
  const app = new Hono()
  app.use('/*', serveStatic({ root: dir }))
  app.notFound(async (c) => {
    const page = await readFile(join(dir, '404.html'), 'utf8').catch(() => 'introuvable')
    return c.html(page, 404)
  })
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
