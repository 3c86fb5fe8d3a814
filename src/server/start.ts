import { type ServerType, serve } from '@hono/node-server'
import { createApp } from './app.ts'
import type { ServerDeps } from './context.ts'

/** Starts the HTTP server; resolves once it listens, with a function that stops it. */
export function startServer(
  deps: ServerDeps,
  port: number,
  hostname = '0.0.0.0',
): Promise<{ server: ServerType; port: number; stop: () => Promise<void> }> {
  const app = createApp(deps)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({
        server,
        port: info.port,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
    server.once('error', reject)
  })
}
