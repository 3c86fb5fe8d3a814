import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'
import { dossier } from './fixtures.ts'
import { openTestStore, type TestStore } from './store.ts'

let store: TestStore | null = null
let env: Record<string, string>
beforeAll(async () => {
  env = { PASSERELLE_SECRET: 'serve-test', TZ: 'Europe/Paris' }
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    store = await openTestStore()
    env.DATABASE_URL = store.url!
  } else env.PASSERELLE_DATA = mkdtempSync(join(tmpdir(), 'passerelle-serve-'))
})
afterAll(() => store?.dispose())

describe('passerelle serve', () => {
  it('serves the API until interrupted, with the tokens the operator created', async () => {
    const out: string[] = []
    const io = (signal?: AbortSignal): CliIo => ({
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      interactive: false,
      env,
      cwd: process.cwd(),
      ...(signal ? { interrupted: signal } : {}),
    })
    expect(await main(['partners', 'add', '--code', 'CDC', '--name', 'CDC', '--kind', 'CDC'], io())).toBe(0)
    const token = out.at(-1)!
    const stop = new AbortController()
    const serving = main(['serve', '--port', '0', '--host', '127.0.0.1'], io(stop.signal))
    let url = ''
    for (let i = 0; i < 200 && !url; i++) {
      url = out.map((l) => /serving on (http:\/\/\S+:\d+)/.exec(l)?.[1]).find(Boolean) ?? ''
      if (!url) await new Promise((r) => setTimeout(r, 50))
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await (await fetch(`${url}/api/v1/health`)).json()).toEqual({
      status: 'ok',
      store: store ? 'pg' : 'pglite',
    })
    const res = await fetch(`${url}/api/v1/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([dossier()]),
    })
    expect(await res.json()).toEqual({
      results: [{ index: 0, id: 'CPF-2024-000123', type: 'dossier', outcome: 'created' }],
    })
    stop.abort()
    expect(await serving).toBe(0)
    expect(out.at(-1)).toBe('passerelle: stopped')
  })

  it('refuses to start with a PASSERELLE_TRUST_PROXY that is not a number of proxies', async () => {
    const out: string[] = []
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      interactive: false,
      env: { ...env, PASSERELLE_TRUST_PROXY: 'true' },
      cwd: process.cwd(),
    }
    expect(await main(['serve', '--port', '0', '--host', '127.0.0.1'], io)).toBe(2)
    expect(out).toEqual([
      'passerelle serve: PASSERELLE_TRUST_PROXY "true" must be the number of reverse proxies in front of the hub, 0 to 10 (e.g. 1)',
    ])
  })
})
