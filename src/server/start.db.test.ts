import { request, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier } from '../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { workerPreparer } from '../ingest/preparer.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { startServer } from './start.ts'

// Timeouts need a real socket: the app is served on a random port of 127.0.0.1, with an idle
// timeout of 600 ms so that the cases take seconds.
let store: TestStore
let token: string
let running: Awaited<ReturnType<typeof startServer>>
const preparer = workerPreparer('s')
const IDLE_MS = 600

beforeAll(async () => {
  store = await openTestStore()
  token = (await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })).token
  const deps = { db: store.db, storeKind: store.kind, preparer, today: () => '2026-11-28' }
  running = await startServer(deps, 0, '127.0.0.1', { idleTimeoutMs: IDLE_MS })
})
afterAll(async () => {
  await running.stop()
  await preparer.close()
  await store.dispose()
})

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Streams `lines` as NDJSON, waiting `gapMs` before each; the answer's status and body, or the error that ended it. */
function trickle(
  lines: string[],
  gapMs: number,
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((done) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: running.port,
        path: '/api/v1/records',
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => done({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', (error) => done({ error: (error as NodeJS.ErrnoException).code ?? error.message }))
    void (async () => {
      for (const line of lines) {
        await pause(gapMs)
        if (req.destroyed) return
        req.write(`${line}\n`)
      }
      req.end()
    })()
  })
}

describe('the HTTP server', () => {
  it('lets a transmission run as long as it keeps sending: no limit on a whole request', async () => {
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify(dossier({ id: `LONG-${i}` })))
    // 6 × 300 ms: longer than the idle timeout, never idle that long.
    const answer = await trickle(lines, 300)
    expect(answer).toMatchObject({ status: 200 })
    const { results } = JSON.parse((answer as { body: string }).body) as { results: { outcome: string }[] }
    expect([results.map((r) => r.outcome), (running.server as Server).requestTimeout]).toEqual([
      ['created', 'created', 'created', 'created', 'created', 'created'],
      0,
    ])
  })

  it('closes a connection that falls silent longer than the idle timeout', async () => {
    const answer = await trickle(
      [JSON.stringify(dossier({ id: 'SILENT-0' })), JSON.stringify(dossier({ id: 'SILENT-1' }))],
      3 * IDLE_MS,
    )
    expect(answer).toEqual({ error: 'ECONNRESET' })
  })
})
