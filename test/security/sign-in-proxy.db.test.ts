import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FAILURES_PER_ADDRESS } from '../../src/access/rate-limit.ts'
import type { Preparer } from '../../src/ingest/preparer.ts'
import { startServer } from '../../src/server/start.ts'
import { openTestStore, type TestStore } from '../store.ts'

// The per-address limit needs a real socket (app.request has none): each case serves the app on a
// random port of 127.0.0.1, the address every request then comes from, as they would all come from
// a reverse proxy's.
let store: TestStore
const servers: { url: string; stop: () => Promise<void> }[] = []

const noIngest: Preparer = {
  lines: () => Promise.reject(new Error('not used')),
  jsonArray: () => Promise.reject(new Error('not used')),
  close: async () => {},
}

beforeAll(async () => {
  store = await openTestStore()
})
afterAll(async () => {
  for (const server of servers) await server.stop()
  await store.dispose()
})

async function serve(trustProxy: number): Promise<string> {
  const deps = {
    db: store.db,
    storeKind: store.kind,
    preparer: noIngest,
    today: () => '2026-11-28',
    trustProxy,
  }
  const running = await startServer(deps, 0, '127.0.0.1')
  const url = `http://127.0.0.1:${running.port}`
  servers.push({ url, stop: running.stop })
  return url
}

let attempt = 0

/** One failed sign-in (a new unknown account each time, so that only the address limit applies). */
async function failedSignIn(base: string, forwardedFor: string): Promise<number> {
  const form = await fetch(`${base}/espace-partenaire/connexion`)
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  attempt += 1
  const res = await fetch(`${base}/espace-partenaire/connexion`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ csrf, email: `inconnu${attempt}@example.fr`, password: 'mauvais' }),
    headers: { cookie, origin: base, 'x-forwarded-for': forwardedFor },
  })
  await res.arrayBuffer()
  return res.status
}

describe('the per-address limit of failed sign-ins behind a reverse proxy', () => {
  it('with PASSERELLE_TRUST_PROXY=1, limits two forwarded client addresses separately', async () => {
    const base = await serve(1)
    const first: number[] = []
    for (let i = 0; i <= MAX_FAILURES_PER_ADDRESS; i++)
      first.push(await failedSignIn(base, `198.51.100.9, 203.0.113.1`))
    const second = await failedSignIn(base, '203.0.113.2')
    expect({ first, second }).toEqual({
      first: [...Array(MAX_FAILURES_PER_ADDRESS).fill(401), 429],
      second: 401,
    })
  })

  it('without it, a forged X-Forwarded-For does not dodge the limit of the connecting address', async () => {
    const base = await serve(0)
    const statuses: number[] = []
    for (let i = 0; i <= MAX_FAILURES_PER_ADDRESS; i++)
      statuses.push(await failedSignIn(base, `203.0.113.${100 + i}`))
    expect(statuses).toEqual([...Array(MAX_FAILURES_PER_ADDRESS).fill(401), 429])
  })
})
