import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier } from '../../../test/fixtures.ts'
import { writeFeed } from '../../../test/ndjson-fixture.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { memoryIo } from '../io.ts'
import { main } from '../main.ts'
import { NOTHING_ACCEPTED } from './import.ts'

// The command opens its own store: the test database on the server, an embedded one on disk otherwise.
let store: TestStore | null = null
let dir: string
let env: Record<string, string>
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-cli-import-'))
  env = { PASSERELLE_SECRET: 'a-test-secret-of-at-least-32-characters!!' }
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    store = await openTestStore()
    env.DATABASE_URL = store.url!
  } else env.PASSERELLE_DATA = join(dir, 'data')
  for (const code of ['CDC', 'R84', 'R11']) {
    const { io } = memoryIo(env, dir)
    expect(await main(['partners', 'add', '--code', code, '--name', code, '--kind', 'REGION'], io)).toBe(0)
  }
})
afterAll(() => store?.dispose())

async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo(env, dir)
  const code = await main(args, io)
  return { code, stdout, stderr }
}

describe('passerelle import exit status', () => {
  it(`is ${NOTHING_ACCEPTED} when no record is accepted, with a hint when the file is a JSON document rather than NDJSON`, async () => {
    // A JSON array with a record per line: the last line parses, so the file is not refused whole,
    // and its record is refused by a rule.
    const records = [dossier({ id: 'A-1' }), dossier({ id: 'A-2', dispositif: 'NOT_A_DISPOSITIF' })]
    writeFileSync(join(dir, 'feed.json'), `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`)
    const result = await run(['import', '--partner', 'CDC', 'feed.json'])
    expect([result.code, result.stderr, result.stdout.slice(1, -1)]).toEqual([
      NOTHING_ACCEPTED,
      [
        `passerelle import: no record of feed.json was accepted, all 4 rejected (exit status ${NOTHING_ACCEPTED})`,
      ],
      [
        '  4 records: 0 created, 0 updated, 0 unchanged, 0 stale, 0 conflict, 4 invalid',
        '  rejected by rule:',
        `    ${'record/invalid-json'.padEnd(40)} ${'3'.padStart(9)}`,
        `    ${'code/unknown-dispositif'.padEnd(40)} ${'1'.padStart(9)}`,
        `  hint: feed.json looks like one JSON document spread over lines ("[" alone on its first line), not NDJSON (one whole record per line): write one record per line first, e.g. jq -c '.[]' feed.json > feed.ndjson`,
        '  the rejected lines are not kept: run the same command with --rejects FILE to write them with their errors',
      ],
    ])
    // Run again, the file is already imported: the status still says nothing of it is in.
    expect((await run(['import', '--partner', 'CDC', 'feed.json'])).code).toBe(NOTHING_ACCEPTED)
  })

  it('is 0 when every record is accepted, and when some are rejected among accepted ones (the spec: valid records are stored)', async () => {
    writeFeed(join(dir, 'all-good.ndjson'), 30, 1000)
    writeFeed(join(dir, 'some-bad.ndjson'), 30, 10)
    const good = await run(['import', '--partner', 'R84', 'all-good.ndjson'])
    const some = await run(['import', '--partner', 'R11', 'some-bad.ndjson'])
    expect([good.code, good.stderr, some.code, some.stderr, some.stdout[1]]).toEqual([
      0,
      [],
      0,
      [],
      '  30 records: 27 created, 0 updated, 0 unchanged, 0 stale, 0 conflict, 3 invalid',
    ])
  })

  it('refuses a FIFO (a pipe) with exit status 1 and why, before anything is recorded', async () => {
    const fifo = join(dir, 'stream.ndjson')
    execFileSync('mkfifo', [fifo])
    expect(await run(['import', '--partner', 'CDC', 'stream.ndjson'])).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        `passerelle import: ${fifo} is not a regular file (a pipe, a FIFO or a device): the import resumes an interrupted file by its byte offset, so it reads a file it can read again; write the stream to a file first (… > feed.ndjson) and import that file; nothing was imported`,
      ],
    })
    const status = JSON.parse((await run(['status', '--json'])).stdout.join('\n')) as {
      unfinishedImports: unknown[]
    }
    expect(status.unfinishedImports).toEqual([])
  })
})

describe('passerelle import of a file it cannot read', () => {
  it('says why it cannot read the file (no such file), and that nothing was imported', async () => {
    expect([
      await run(['import', '--partner', 'CDC', 'no-such-feed.ndjson']),
      await run(['import', '--partner', 'CDC', join('no-such-dir', 'feed.ndjson')]),
    ]).toEqual([
      {
        code: 1,
        stdout: [],
        stderr: [
          `passerelle import: cannot read ${join(dir, 'no-such-feed.ndjson')}: no such file (ENOENT); nothing was imported`,
        ],
      },
      {
        code: 1,
        stdout: [],
        stderr: [
          `passerelle import: cannot read ${join(dir, 'no-such-dir', 'feed.ndjson')}: no such file (ENOENT); nothing was imported`,
        ],
      },
    ])
  })
})

describe('passerelle import --abandon', () => {
  it('takes a transmission number alone, and says why it cannot abandon one', async () => {
    expect(await run(['import', '--abandon', 'x'])).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        'passerelle import: --abandon "x" must be a transmission number, as passerelle status lists it',
      ],
    })
    expect((await run(['import', '--abandon', '3', 'feed.ndjson'])).stderr).toEqual([
      'passerelle import: --abandon ID takes no file and no other option',
    ])
    expect(await run(['import', '--abandon', '999999'])).toEqual({
      code: 1,
      stdout: [],
      stderr: ['passerelle import: no transmission 999999 (import/unknown-transmission)'],
    })
  })
})
