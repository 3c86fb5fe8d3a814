import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'
import { migrations } from '../src/db/migrate.ts'
import { openTestStore, type TestStore } from './store.ts'

// An operator who mistypes PASSERELLE_DATA or DATABASE_URL: a command that only reads must say
// there is no hub there, not create an empty one and report on it.
const pg = process.env.PASSERELLE_TEST_STORE === 'pg'
let store: TestStore | null = null
let env: Record<string, string>
let where: string

beforeAll(async () => {
  const parent = mkdtempSync(join(tmpdir(), 'passerelle-nohub-'))
  env = { TZ: 'Europe/Paris' }
  if (pg) {
    store = await openTestStore({ migrate: false })
    env.DATABASE_URL = store.url!
    where = `the database of DATABASE_URL (${store.url}) holds no hub`
  } else {
    env.PASSERELLE_DATA = join(parent, 'typo')
    where = `no hub in ${env.PASSERELLE_DATA} (PASSERELLE_DATA)`
  }
  env.PASSERELLE_SECRET = 'a-test-secret-of-at-least-32-characters!!'
})
afterAll(() => store?.dispose())

async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo(env)
  const code = await main(args, io)
  return { code, stdout, stderr }
}

async function hubCreated(): Promise<boolean> {
  if (!store) return existsSync(env.PASSERELLE_DATA!)
  const { rows } = await sql<{
    found: boolean
  }>`select to_regclass('kysely_migration') is not null as found`.execute(store.db)
  return rows[0]!.found
}

const READERS = [
  ['status'],
  ['partners', 'list'],
  ['partners', 'tokens', '--code', 'CDC'],
  ['users', 'list'],
  ['audit-log'],
  ['referentials', 'list'],
  ['publish', '--out', join(tmpdir(), 'passerelle-nohub-out')],
  // Commands that write, but only into what the hub already holds (a partner, a user).
  ['import', '--partner', 'CDC', join(tmpdir(), 'passerelle-nohub.ndjson')],
  ['partners', 'rotate-token', '--code', 'CDC'],
  ['users', 'add', '--partner', 'CDC', '--email', 'a@example.fr'],
  ['users', 'disable', '--email', 'a@example.fr'],
]

describe('a command that needs a hub, where there is none', () => {
  it.each(READERS.map((args) => [args.filter((a, i) => i < 2 && !a.startsWith('--')).join(' '), args]))(
    '%s: exits 1, says there is no hub and how to make one, creates nothing',
    async (_, args) => {
      expect(await run(args as string[])).toEqual({
        code: 1,
        stdout: [],
        stderr: [
          `passerelle ${(args as string[])[0]}: ${where}: \`passerelle migrate\` creates one there, \`passerelle demo\` one with synthetic data`,
        ],
      })
      expect(await hubCreated()).toBe(false)
    },
  )

  it('partners add --from a file it cannot read creates no hub either', async () => {
    expect(
      await run(['partners', 'add', '--from', join(tmpdir(), 'passerelle-no-such-partners.csv')]),
    ).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        'passerelle-no-such-partners.csv: cannot read it: no such file (ENOENT)',
        'no partner added: 1 problem in passerelle-no-such-partners.csv',
      ],
    })
    expect(await hubCreated()).toBe(false)
  })

  it.skipIf(pg)('names a PASSERELLE_DATA that is a file as such, not as a folder without a hub', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'passerelle-nohub-')), 'afile')
    writeFileSync(file, '')
    const { io, stdout, stderr } = memoryIo({ ...env, PASSERELLE_DATA: file })
    expect({ code: await main(['status'], io), stdout, stderr }).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `passerelle status: PASSERELLE_DATA "${file}" cannot hold the embedded store (${join(file, 'pgdata')}): ${file} is not a directory`,
      ],
    })
  })

  it('works once `passerelle migrate` has made the hub, which says it made it and how', async () => {
    const names = Object.keys(migrations)
    const created = await run(['migrate'])
    expect([
      created.code,
      created.stdout[0]?.replace(/^store \S+ at .*: /, ''),
      created.stdout.slice(1),
    ]).toEqual([0, `hub created, ${names.length} migrations applied:`, names.map((n) => `  ${n}`)])
    expect(await hubCreated()).toBe(true)
    const again = await run(['migrate'])
    expect(again.stdout.map((l) => l.replace(/^store \S+ at .*: /, ''))).toEqual([
      `schema up to date (${names.at(-1)})`,
    ])
    expect((await run(['status'])).code).toBe(0)
  })
})
