import { type ServerType, serve } from '@hono/node-server'
import { createApp } from './app.ts'
import type { ServerDeps } from './context.ts'

/**
 * How long a connection may stay silent, neither side sending a byte, before it is closed: a
 * client that stopped mid-request, or a slow-read attack. Long enough for any single batch.
 */
export const IDLE_TIMEOUT_MS = 120_000

/**
 * Starts the HTTP server; resolves once it listens, with a function that stops it.
 *
 * Node ends a request that takes more than 5 minutes in all (`requestTimeout`), which would cut an
 * NDJSON transmission of a few million records, whose length the spec does not bound. The hub
 * turns that off and closes connections that fall silent instead (`idleTimeoutMs`); headers must
 * still arrive within Node's minute (`headersTimeout`).
 */
export function startServer(
  deps: ServerDeps,
  port: number,
  hostname = '0.0.0.0',
  { idleTimeoutMs = IDLE_TIMEOUT_MS }: { idleTimeoutMs?: number } = {},
): Promise<{ server: ServerType; port: number; stop: () => Promise<void> }> {
  const app = createApp(deps)
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port, hostname, serverOptions: { requestTimeout: 0 } },
      (info) => {
        resolve({
          server,
          port: info.port,
          stop: () => new Promise<void>((done) => server.close(() => done())),
        })
      },
    )
    server.setTimeout(idleTimeoutMs)
    server.once('error', reject)
  })
}
