import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeFeed } from './ndjson-fixture.ts'
import { openTestStore, type TestStore } from './store.ts'

const bin = new URL('../bin/passerelle.mjs', import.meta.url).pathname
const secret = 'kill-test-secret'
const stores: TestStore[] = []
afterAll(async () => {
  for (const s of stores) await s.dispose()
})

/** The environment of a hub: a server database, or an embedded data folder. */
async function hubEnv(): Promise<Record<string, string>> {
  const base = { ...process.env, PASSERELLE_SECRET: secret, TZ: 'Europe/Paris' } as Record<string, string>
  delete base.DATABASE_URL
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    const store = await openTestStore()
    stores.push(store)
    return { ...base, DATABASE_URL: store.url! }
  }
  return { ...base, PASSERELLE_DATA: mkdtempSync(join(tmpdir(), 'passerelle-kill-')) }
}

function run(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<{ code: number | null; out: string; err: string }> } {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (err += d))
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out, err })),
  )
  return { child, done }
}

async function status(env: Record<string, string>) {
  const { out } = await run(['status', '--json'], env).done
  const parsed = JSON.parse(out) as {
    partners: {
      code: string
      received: number
      accepted: number
      rejected: number
      dossiers: number
      lastTransmission: string
    }[]
    months: { modifications: number }[]
  }
  const partners = parsed.partners.map(({ lastTransmission: _time, ...rest }: any) => rest)
  return { partners, modifications: parsed.months.reduce((s, m) => s + m.modifications, 0) }
}

describe('an import killed with SIGKILL and run again', () => {
  it('gives the same counts, rows and rejects file as a clean run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-feed-'))
    const feed = join(dir, 'feed.ndjson')
    const expected = writeFeed(feed, 3000, 25)

    const clean = await hubEnv()
    expect(
      (await run(['partners', 'add', '--code', 'CDC', '--name', 'CDC', '--kind', 'CDC'], clean).done).code,
    ).toBe(0)
    const cleanRun = await run(
      [
        'import',
        '--partner',
        'CDC',
        feed,
        '--rejects',
        join(dir, 'clean-rejects.ndjson'),
        '--batch-size',
        '100',
      ],
      clean,
    ).done
    expect(cleanRun.code).toBe(0)

    const killed = await hubEnv()
    expect(
      (await run(['partners', 'add', '--code', 'CDC', '--name', 'CDC', '--kind', 'CDC'], killed).done).code,
    ).toBe(0)
    const rejects = join(dir, 'killed-rejects.ndjson')
    const first = run(
      ['import', '--partner', 'CDC', feed, '--rejects', rejects, '--batch-size', '100'],
      killed,
    )
    // Kill once a few batches have committed (each batch with an invalid line appends to the rejects file).
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(rejects) && statSync(rejects).size > 3000) {
          clearInterval(timer)
          first.child.kill('SIGKILL')
          resolve()
        }
      }, 5)
    })
    const firstResult = await first.done
    expect(firstResult.code).toBe(null)
    // The operator sees the import stopped mid-file, and what to do.
    const stopped = await run(['status'], killed).done
    expect(stopped.out).toMatch(
      /file imports not finished:\n {2}passerelle import --partner CODE FILE continues one after its last batch only if FILE is the same file, unchanged .*\n.*\n {2}passerelle import --abandon ID closes one that will not be continued .*:\n {2}CDC {2}feed\.ndjson {2}transmission \d+ {2}started [\d-]+ [\d:]+ UTC {2}[\d,]+ lines in \(\d+ % of the file\) {2}running, last batch [\d-]+ [\d:]+ UTC\n/,
    )
    const second = await run(
      ['import', '--partner', 'CDC', feed, '--rejects', rejects, '--batch-size', '100'],
      killed,
    ).done
    expect(second.code).toBe(0)
    expect(second.out).toContain('(resumed)')
    expect((await run(['status'], killed).done).out).not.toContain('file imports not finished')

    const [a, b] = [await status(clean), await status(killed)]
    expect(b).toEqual(a)
    expect(a.partners[0]).toMatchObject({
      received: 3000,
      accepted: expected.valid,
      rejected: expected.invalid,
      dossiers: expected.valid,
    })
    expect(a.modifications).toBe(expected.valid)
    expect(readFileSync(rejects, 'utf8')).toBe(readFileSync(join(dir, 'clean-rejects.ndjson'), 'utf8'))
    // Three imports in child processes, one killed: past the 120 s default on a loaded machine.
  }, 300_000)
})
