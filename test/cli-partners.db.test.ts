import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'
import { dossier } from './fixtures.ts'
import { openTestStore, type TestStore } from './store.ts'

let store: TestStore | null = null
let env: Record<string, string>
beforeAll(async () => {
  env = { TZ: 'Europe/Paris' }
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    store = await openTestStore()
    env.DATABASE_URL = store.url!
  } else env.PASSERELLE_DATA = mkdtempSync(join(tmpdir(), 'passerelle-cli-'))
})
afterAll(() => store?.dispose())

async function run(args: string[], extra: Record<string, string> = {}) {
  const { io, stdout, stderr } = memoryIo({ ...env, ...extra })
  const code = await main(args, io)
  return { code, stdout, stderr }
}

const UTC = /\d{4}-\d\d-\d\d \d\d:\d\d UTC/g

/** A line with its UTC time replaced by how many days ahead of now it is (`<+365 d>`). */
function daysAhead(line: string | undefined): string {
  return (line ?? '').replace(UTC, (at) => {
    const days = Math.round((Date.parse(at.replace(' ', 'T').replace(' UTC', 'Z')) - Date.now()) / 86_400_000)
    return `<+${days} d>`
  })
}

/** A date `YYYY-MM-DD` `days` days from now. */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

describe('passerelle partners', () => {
  it('prints the new token alone on the last line of stdout, and lists partners', async () => {
    const added = await run([
      'partners',
      'add',
      '--code',
      'R84',
      '--name',
      'Région Auvergne-Rhône-Alpes',
      '--kind',
      'REGION',
    ])
    expect(added.code).toBe(0)
    expect(daysAhead(added.stdout[0])).toBe(
      'partner R84 added; its token #1 (token:R84#1 in the audit log; valid until <+365 d>; shown once, stored hashed):',
    )
    expect(added.stdout.at(-1)).toMatch(/^psl_[\w-]{43}$/)
    const list = await run(['partners', 'list'])
    expect(list.stdout).toEqual([
      'code  kind    live tokens  until       name',
      `R84   REGION  #1           ${dayAhead(365)}  Région Auvergne-Rhône-Alpes`,
    ])
  })

  it('refuses a duplicate code, a bad code and an unknown kind with a clear message', async () => {
    expect(await run(['partners', 'add', '--code', 'R84', '--name', 'x', '--kind', 'REGION'])).toMatchObject({
      code: 1,
      stderr: [
        'passerelle partners: partner R84 already exists (rotate its token with partners rotate-token)',
      ],
    })
    expect(await run(['partners', 'add', '--code', 'r-84', '--name', 'x', '--kind', 'REGION'])).toMatchObject(
      {
        code: 2,
        stderr: ['passerelle partners: --code "r-84" is not a partner code (2–24 characters A–Z, 0–9, _)'],
      },
    )
    expect(await run(['partners', 'add', '--code', 'X1', '--name', 'x', '--kind', 'BANK'])).toMatchObject({
      code: 2,
      stderr: ['passerelle partners: --kind "BANK" is not one of REGION, OPCO, FT, CDC, TPRO, AGEFIPH, CEP'],
    })
  })

  it('rotates a token: a new one alone on the last line, named by its id; one live token', async () => {
    const rotated = await run(['partners', 'rotate-token', '--code', 'R84'])
    expect(rotated.code).toBe(0)
    expect(daysAhead(rotated.stdout[0])).toBe(
      'partner R84: the previous token revoked; new token #2 (token:R84#2 in the audit log; valid until <+365 d>; shown once):',
    )
    expect(rotated.stdout.at(-1)).toMatch(/^psl_[\w-]{43}$/)
    expect((await run(['partners', 'list'])).stdout[1]).toBe(
      `R84   REGION  #2           ${dayAhead(365)}  Région Auvergne-Rhône-Alpes`,
    )
  })

  it('lists every token of a partner by id and audit actor, revoked ones with their date, never the token', async () => {
    const tokens = await run(['partners', 'tokens', '--code', 'R84'])
    expect(tokens.code).toBe(0)
    const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
    expect(tokens.stdout.map((line) => line.split('\t'))).toEqual([
      ['token', 'audit actor', 'created', 'expires', 'revoked'],
      [
        '#1',
        'token:R84#1',
        expect.stringMatching(ISO),
        expect.stringMatching(ISO),
        expect.stringMatching(ISO),
      ],
      ['#2', 'token:R84#2', expect.stringMatching(ISO), expect.stringMatching(ISO), ''],
    ])
    expect(await run(['partners', 'tokens', '--code', 'NOPE'])).toMatchObject({
      code: 1,
      stderr: ['passerelle partners: unknown partner "NOPE"'],
    })
  })

  it('gives tokens the validity asked for, and lets the previous ones work through a rotation’s overlap', async () => {
    const added = await run([
      'partners',
      'add',
      '--code',
      'AGE',
      '--name',
      'Agefiph',
      '--kind',
      'AGEFIPH',
      '--valid-days',
      '30',
    ])
    const rotated = await run([
      'partners',
      'rotate-token',
      '--code',
      'AGE',
      '--overlap-days',
      '7',
      '--valid-days',
      '400',
    ])
    const again = await run(['partners', 'rotate-token', '--code', 'AGE', '--overlap-days', '10'])
    expect([added, rotated, again].map((r) => [r.code, daysAhead(r.stdout[0])])).toEqual([
      [
        0,
        'partner AGE added; its token #3 (token:AGE#3 in the audit log; valid until <+30 d>; shown once, stored hashed):',
      ],
      [
        0,
        'partner AGE: the previous token works until <+7 d>; new token #4 (token:AGE#4 in the audit log; valid until <+400 d>; shown once):',
      ],
      [
        0,
        'partner AGE: 2 previous tokens work until <+10 d>; new token #5 (token:AGE#5 in the audit log; valid until <+365 d>; shown once):',
      ],
    ])
    // The list gives the latest end among live tokens: the partner has a token until then.
    expect((await run(['partners', 'list'])).stdout.find((l) => l.startsWith('AGE '))).toBe(
      `AGE   AGEFIPH  #3,#4,#5     ${dayAhead(365)}  Agefiph`,
    )
  })

  it('revokes one token at once, says what the partner has left, and names the partner’s tokens when the id is not one', async () => {
    // From the test above, AGE holds #3 and #4 through the last rotation's overlap (7 and 10 days), and #5.
    const first = await run(['partners', 'revoke-token', '--code', 'AGE', '--token', '#5'])
    const again = await run(['partners', 'revoke-token', '--code', 'AGE', '--token', '5'])
    const other = await run(['partners', 'revoke-token', '--code', 'AGE', '--token', '2'])
    await run(['partners', 'revoke-token', '--code', 'AGE', '--token', '3'])
    const last = await run(['partners', 'revoke-token', '--code', 'AGE', '--token', '4'])
    expect([first, again, other, last].map((r) => [r.code, r.stdout.map(daysAhead), r.stderr])).toEqual([
      [
        0,
        [
          'partner AGE: token #5 revoked; what it read: passerelle audit-log --actor token:AGE#5',
          'live tokens left: #3 until <+7 d>, #4 until <+10 d>',
        ],
        [],
      ],
      [0, ['partner AGE: token #5 (token:AGE#5) was already revoked on <+0 d>'], []],
      [
        1,
        [],
        [
          'passerelle partners: token #2 is not a token of AGE (its tokens: #3, #4, #5; see passerelle partners tokens --code AGE)',
        ],
      ],
      [
        0,
        [
          'partner AGE: token #4 revoked; what it read: passerelle audit-log --actor token:AGE#4',
          'AGE has no live token left: it can neither transmit nor read until passerelle partners rotate-token --code AGE issues one',
        ],
        [],
      ],
    ])
    expect(await run(['partners', 'revoke-token', '--code', 'AGE', '--token', 'all'])).toMatchObject({
      code: 2,
      stderr: [
        'passerelle partners: --token "all" is not a token id (a number, as passerelle partners tokens lists them: #5 or 5)',
      ],
    })
  })

  it('refuses a validity or an overlap out of range, or given to a command that issues no token', async () => {
    const answers = [
      await run(['partners', 'add', '--code', 'X2', '--name', 'x', '--kind', 'OPCO', '--valid-days', '0']),
      await run(['partners', 'rotate-token', '--code', 'R84', '--valid-days', '1096']),
      await run(['partners', 'rotate-token', '--code', 'R84', '--overlap-days', '91']),
      await run(['partners', 'rotate-token', '--code', 'R84', '--overlap-days', '1.5']),
      await run(['partners', 'add', '--code', 'X2', '--name', 'x', '--kind', 'OPCO', '--overlap-days', '3']),
      await run(['partners', 'tokens', '--code', 'R84', '--valid-days', '3']),
      await run(['partners', 'rotate-token', '--code', 'R84', '--token', '3']),
    ]
    expect(answers.map((a) => [a.code, a.stderr])).toEqual([
      [2, ['passerelle partners: --valid-days "0" is not a whole number of days from 1 to 1095']],
      [2, ['passerelle partners: --valid-days "1096" is not a whole number of days from 1 to 1095']],
      [2, ['passerelle partners: --overlap-days "91" is not a whole number of days from 0 to 90']],
      [2, ['passerelle partners: --overlap-days "1.5" is not a whole number of days from 0 to 90']],
      [
        2,
        [
          'passerelle partners: --overlap-days is for rotate-token: a rotation lets the previous tokens work on a while',
        ],
      ],
      [2, ['passerelle partners: --valid-days is for add and rotate-token, which issue tokens']],
      [
        2,
        [
          'passerelle partners: --token is for revoke-token: the other sub-commands take the partner by its --code',
        ],
      ],
    ])
  })

  it('names the partner a code differing only by case may have meant, else what to do', async () => {
    const feed = join(mkdtempSync(join(tmpdir(), 'passerelle-case-')), 'feed.ndjson')
    writeFileSync(feed, '{}\n')
    const answers = [
      await run(['partners', 'tokens', '--code', 'r84']),
      await run(['status', '--partner', 'r84']),
      await run(['import', '--partner', 'r84', feed], { PASSERELLE_SECRET: 's3cret' }),
      await run(['import', '--partner', 'NOPE', feed], { PASSERELLE_SECRET: 's3cret' }),
    ]
    expect(answers.map((a) => [a.code, a.stderr])).toEqual([
      [1, ['passerelle partners: unknown partner "r84" (did you mean R84? codes are case-sensitive)']],
      [1, ['passerelle status: unknown partner "r84" (did you mean R84? codes are case-sensitive)']],
      [1, ['passerelle import: unknown partner "r84" (did you mean R84? codes are case-sensitive)']],
      [1, ['passerelle import: unknown partner "NOPE" (add it with passerelle partners add)']],
    ])
  })

  it('refuses to import a directory, an archive or a file that is not NDJSON, saying which, recording nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-cli-files-'))
    const gz = join(dir, 'feed.ndjson.gz')
    writeFileSync(gz, gzipSync('{"type":"dossier"}\n'))
    const csv = join(dir, 'dsn.csv')
    writeFileSync(csv, 'nir,siret,start\n1800101001001,12345678901234,2024-01-01\n')
    const secret = { PASSERELLE_SECRET: 's3cret' }
    const status = async () => (await run(['status', '--partner', 'R84', '--json'])).stdout.join('\n')
    const untouched = await status()
    expect([
      await run(['import', '--partner', 'R84', dir], secret),
      await run(['import', '--partner', 'R84', gz], secret),
      await run(['import', '--partner', 'R84', csv], secret),
    ]).toEqual([
      { code: 1, stdout: [], stderr: [`passerelle import: ${dir} is a directory, not an NDJSON file`] },
      {
        code: 1,
        stdout: [],
        stderr: [
          `passerelle import: ${gz} is a gzip archive, not an NDJSON file: extract it first (the import resumes by byte offset in the file it reads)`,
        ],
      },
      {
        code: 1,
        stdout: [],
        stderr: [
          `passerelle import: ${csv} is not NDJSON: none of its first 100 lines is a JSON value (an NDJSON file holds one JSON record per line); nothing was imported`,
        ],
      },
    ])
    // No transmission, no rejected record in the partner's statistics.
    expect(await status()).toBe(untouched)
  })

  it('writes the rejects of a file imported before from that import’s findings, when asked only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-rejects-'))
    const feed = join(dir, 'feed.ndjson')
    const lines = [
      JSON.stringify(dossier({ id: 'OK-1', version: 1 })),
      '{"type": "dossier", oops',
      JSON.stringify(dossier({ id: 'BAD-1', version: 1, dispositif: 'XX' })),
      JSON.stringify(dossier({ id: 'OK-2', version: 1 })),
    ]
    writeFileSync(feed, `${lines.join('\n')}\n`)
    const secret = { PASSERELLE_SECRET: 's3cret' }
    expect((await run(['partners', 'add', '--code', 'OPCO9', '--name', 'x', '--kind', 'OPCO'])).code).toBe(0)
    expect((await run(['partners', 'add', '--code', 'OPCO8', '--name', 'y', '--kind', 'OPCO'])).code).toBe(0)
    // The same file for two partners: one asks for the rejects at once, the other only afterwards.
    const atOnce = join(dir, 'at-once.ndjson')
    const first = await run(['import', '--partner', 'OPCO9', feed, '--rejects', atOnce], secret)
    const without = await run(['import', '--partner', 'OPCO8', feed], secret)
    const afterwards = join(dir, 'afterwards.ndjson')
    const again = await run(['import', '--partner', 'OPCO8', feed, '--rejects', afterwards], secret)
    expect([first.code, without.code, again.code]).toEqual([0, 0, 0])
    expect(without.stdout.slice(-2)).toEqual([
      '  the rejected lines are not kept: run the same command with --rejects FILE to write them with their errors',
      expect.stringMatching(/^ {2}partner area: dashboard and quality summaries computed in \d/),
    ])
    expect([again.stdout[0], again.stdout.at(-1)]).toEqual([
      `feed.ndjson: already imported (transmission ${again.stdout[0]?.match(/transmission (\d+)/)?.[1]}); nothing done again`,
      `  rejected lines with their errors, written again from that import's findings (2): ${afterwards}`,
    ])
    const written = readFileSync(afterwards, 'utf8')
    expect(written.split('\n').map((l) => (l ? JSON.parse(l).line : null))).toEqual([2, 3, null])
    expect(written).toBe(readFileSync(atOnce, 'utf8'))
    expect(statSync(afterwards).mode & 0o777).toBe(0o600)
  })

  it('says so, and exits 0, when an import is in but the partner area summaries could not be computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-summaries-'))
    const feed = join(dir, 'feed.ndjson')
    writeFileSync(feed, `${JSON.stringify(dossier({ id: 'S-1', version: 1 }))}\n`)
    const secret = { PASSERELLE_SECRET: 's3cret' }
    expect((await run(['partners', 'add', '--code', 'OPCO4', '--name', 'w', '--kind', 'OPCO'])).code).toBe(0)
    // The dashboard's function gone, as after a failed deployment.
    const drop = 'alter function passerelle_own_employed(integer, date) rename to gone'
    const restore = 'alter function gone(integer, date) rename to passerelle_own_employed'
    const exec = async (statement: string) => {
      if (store) await sql.raw(statement).execute(store.db)
      else {
        const db = new PGlite(join(env.PASSERELLE_DATA!, 'pgdata'))
        await db.exec(statement)
        await db.close()
      }
    }
    await exec(drop)
    try {
      const result = await run(['import', '--partner', 'OPCO4', feed], secret)
      expect([result.code, result.stdout.at(-1), result.stderr]).toEqual([
        0,
        '  1 record: 1 created, 0 updated, 0 unchanged, 0 stale, 0 conflict, 0 invalid',
        [
          expect.stringMatching(
            /^passerelle import: the partner area summaries were not computed \(.*passerelle_own_employed.*\); the partner's next view of its pages computes them$/,
          ),
        ],
      ])
    } finally {
      await exec(restore)
    }
  })

  it('status aligns its partner table whatever the length of the codes', async () => {
    expect(
      (await run(['partners', 'add', '--code', 'OPCOMOBILITES', '--name', 'z', '--kind', 'OPCO'])).code,
    ).toBe(0)
    const { code, stdout } = await run(['status'])
    // The partner table ends where the next section starts (a line opening on a blank line).
    const table = stdout.slice(
      0,
      stdout.findIndex((line) => line.startsWith('\n')),
    )
    expect(code).toBe(0)
    // The first column is as wide as the longest code, OPCOMOBILITES (13).
    expect(table[0]?.startsWith(`${'partner'.padEnd(13)} ${'received'.padStart(10)}`)).toBe(true)
    expect(table.find((l) => l.startsWith('OPCOMOBILITES'))).toMatch(/^OPCOMOBILITES +0 +0 /)
    expect(new Set(table.map((line) => line.length)).size).toBe(1)
  })

  it('adds every partner of a file, or none when a line is wrong or a code is taken, saying where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-partners-'))
    const bad = join(dir, 'bad.csv')
    writeFileSync(
      bad,
      'code,name,kind\nR84,Région,REGION\nr-1,x,REGION\nOPCO5,,OPCO\nOPCO6,y,BANK\nOPCO7,z,OPCO\nOPCO7,z,OPCO\n',
    )
    const before = (await run(['partners', 'list'])).stdout
    expect(await run(['partners', 'add', '--from', bad])).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        'bad.csv:3: code "r-1" is not a partner code (2–24 characters A–Z, 0–9, _)',
        'bad.csv:4: name "" is not a partner name (one line of 1 to 200 characters, without control characters): it is empty',
        'bad.csv:5: kind "BANK" is not one of REGION, OPCO, FT, CDC, TPRO, AGEFIPH, CEP',
        'bad.csv:7: code "OPCO7" is already on line 6',
        'bad.csv:2: code "R84" is already registered (rotate its token with partners rotate-token)',
        'no partner added: 5 problems in bad.csv',
      ],
    })
    expect((await run(['partners', 'list'])).stdout).toEqual(before)
    const good = join(dir, 'good.csv')
    writeFileSync(good, 'code,name,kind\nOPCO5,OPCO cinq,OPCO\nTPRO2,Transitions Pro deux,tpro\n')
    const added = await run(['partners', 'add', '--from', good])
    expect([
      added.code,
      daysAhead(added.stdout[0]),
      added.stdout.slice(1).map((l) => l.replace(/\tpsl_[\w-]{43}$/, '\t<token>')),
    ]).toEqual([
      0,
      '2 partners added; code and token, tab-separated (tokens valid until <+365 d>; shown once, stored hashed):',
      ['OPCO5\t<token>', 'TPRO2\t<token>'],
    ])
    const list = (await run(['partners', 'list'])).stdout
    expect(list.filter((l) => /^(OPCO5|TPRO2) /.test(l)).map((l) => l.split(/ {2,}/).slice(0, 2))).toEqual([
      ['OPCO5', 'OPCO'],
      ['TPRO2', 'TPRO'],
    ])
    expect(await run(['partners', 'add', '--from', good, '--kind', 'OPCO'])).toMatchObject({ code: 2 })
  })

  it('refuses to import without PASSERELLE_SECRET', async () => {
    const result = await run(['import', '--partner', 'R84', 'missing.ndjson'])
    expect(result.code).toBe(1)
    expect(result.stderr[0]).toMatch(/^passerelle import: PASSERELLE_SECRET is not set/)
  })
})
