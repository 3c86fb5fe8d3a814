import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { memoryIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'
import { openEmbeddedStore, openServerStore } from '../src/db/connect.ts'
import { dossier, exampleCep, nir15 } from './fixtures.ts'
import { openTestStore, type TestStore } from './store.ts'

// Every way a record can carry a NIR into an error: wrong key, wrong format, bad fields beside it.
const nirs = ['1850575056049', '2990699123456', '1720213055123', '2850575056048']
const lines = [
  JSON.stringify(dossier({ id: 'K1', trainee: { nir: `${nirs[0]}00` } })),
  JSON.stringify(dossier({ id: 'K2', trainee: { nir: `${nirs[1]}X` } })),
  JSON.stringify(
    dossier({
      id: 'K3',
      trainee: { nir: nir15(nirs[2]!), residenceCommune: '99999', birthDate: '1850-01-01' },
    }),
  ),
  JSON.stringify(dossier({ id: 'K4', trainee: { nir: nir15(nirs[3]!) } })),
  JSON.stringify(dossier({ id: 'K4', trainee: { nir: nir15(nirs[3]!) }, status: 'ANNULE' })),
  JSON.stringify({
    ...exampleCep(),
    beneficiary: { ...exampleCep().beneficiary, nir: nirs[0] },
    end: '2020-01-01',
  }),
  `{"type":"dossier","trainee":{"nir":"${nirs[1]}"`,
]

let store: TestStore | null = null
let env: Record<string, string>
beforeAll(async () => {
  env = { PASSERELLE_SECRET: 'nir-test', TZ: 'Europe/Paris' }
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    store = await openTestStore()
    env.DATABASE_URL = store.url!
  } else {
    env.PASSERELLE_DATA = mkdtempSync(join(tmpdir(), 'passerelle-nir-'))
  }
})
afterAll(() => store?.dispose())

describe('no NIR in any log line or error', () => {
  it('holds for the import, status and partner commands and the stored errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-nir-feed-'))
    const feed = join(dir, 'feed.ndjson')
    writeFileSync(feed, `${lines.join('\n')}\n`)
    const captured: string[] = []
    const consoleSpy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args) => captured.push(args.join(' ')))
    const run = async (args: string[]) => {
      const { io, stdout, stderr } = memoryIo(env, dir)
      const code = await main(args, io)
      captured.push(...stdout, ...stderr)
      return code
    }
    expect(await run(['partners', 'add', '--code', 'CDC', '--name', 'CDC', '--kind', 'CDC'])).toBe(0)
    expect(await run(['import', '--partner', 'CDC', feed, '--rejects', join(dir, 'rejects.ndjson')])).toBe(0)
    expect(await run(['status'])).toBe(0)
    expect(await run(['status', '--json'])).toBe(0)
    consoleSpy.mockRestore()
    // The rejects file gives the partner's lines back, identities included: for the operator only.
    expect((statSync(join(dir, 'rejects.ndjson')).mode & 0o777).toString(8)).toBe('600')

    const output = captured.join('\n')
    expect(output).toContain('person/invalid-nir-key')
    expect(output).toContain('code/unknown-commune')
    for (const nir of nirs) expect(output).not.toContain(nir)

    const db = store
      ? openServerStore(store.url!)
      : await openEmbeddedStore(join(env.PASSERELLE_DATA!, 'pgdata'))
    try {
      const { rows } = await sql<{
        errors: string
      }>`select errors::text as errors from rejected_record`.execute(db.db)
      expect(rows.length).toBe(6)
      for (const nir of nirs) expect(rows.map((r) => r.errors).join('\n')).not.toContain(nir)
    } finally {
      await db.close()
    }
  })
})
