import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { CliError, memoryIo } from '../io.ts'
import { auditLogCommand } from './audit-log.ts'
import { operatorLogCommand } from './operator-log.ts'
import { partnersCommand } from './partners.ts'
import { makeUsersCommand } from './users.ts'

// The commands open their own store: the test database on the server, an embedded one on disk otherwise.
let server: TestStore | null = null
let env: Record<string, string>

beforeAll(async () => {
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    server = await openTestStore()
    env = { DATABASE_URL: server.url! }
  } else {
    env = { PASSERELLE_DATA: join(mkdtempSync(join(tmpdir(), 'passerelle-cli-users-')), 'data') }
  }
})
afterAll(() => server?.dispose())

const users = makeUsersCommand(async () => 'a password read from stdin')

async function run(command: typeof users, args: string[]) {
  const { io, stdout } = memoryIo(env)
  const code = await command.run(args, io)
  return { code, stdout }
}

describe('passerelle users and audit-log', () => {
  it('adds users (generated or stdin password) who choose their own at first sign-in, lists and disables them; audit-log lists reads', async () => {
    await run(partnersCommand, ['add', '--code', 'R84', '--name', 'Région', '--kind', 'REGION'])
    const generated = await run(users, ['add', '--partner', 'R84', '--email', 'Ana@Region.fr'])
    expect(generated.code).toBe(0)
    expect(generated.stdout.slice(0, 2)).toEqual([
      'user ana@region.fr added to partner R84; they choose their own password at first sign-in',
      'its password (shown once, stored hashed):',
    ])
    expect(generated.stdout[2]).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(
      await run(users, ['add', '--partner', 'R84', '--email', 'bob@region.fr', '--password-stdin']),
    ).toEqual({
      code: 0,
      stdout: ['user bob@region.fr added to partner R84; they choose their own password at first sign-in'],
    })
    expect((await run(users, ['disable', '--email', 'bob@region.fr'])).code).toBe(0)
    expect((await run(users, ['list', '--partner', 'R84'])).stdout).toEqual([
      'partner  state                       last sign-in  e-mail',
      'R84      active, password to change  never         ana@region.fr',
      'R84      disabled                    never         bob@region.fr',
    ])
    expect(await run(auditLogCommand, ['--partner', 'R84', '--since', '2026-01-01'])).toEqual({
      code: 0,
      stdout: ['at\tpartner\tactor\troute\tdossiers'],
    })
  })

  it('resets a password (generated or from stdin), to be replaced at next sign-in, and enables a disabled user', async () => {
    const generated = await run(users, ['reset-password', '--email', 'Ana@Region.fr'])
    expect(generated.stdout.slice(0, 2)).toEqual([
      'user ana@region.fr: new password set; its sessions are ended; they choose their own at next sign-in',
      'its password (shown once, stored hashed):',
    ])
    expect(generated.stdout[2]).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect([
      await run(users, ['reset-password', '--email', 'bob@region.fr', '--password-stdin']),
      await run(users, ['enable', '--email', 'bob@region.fr']),
      (await run(users, ['list', '--partner', 'R84'])).stdout,
    ]).toEqual([
      {
        code: 0,
        stdout: [
          'user bob@region.fr: new password set; its sessions are ended; they choose their own at next sign-in',
        ],
      },
      { code: 0, stdout: ['user bob@region.fr enabled'] },
      [
        'partner  state                       last sign-in  e-mail',
        'R84      active, password to change  never         ana@region.fr',
        'R84      active, password to change  never         bob@region.fr',
      ],
    ])
    await expect(run(users, ['enable', '--email', 'nobody@region.fr'])).rejects.toThrow(
      new CliError('no user "nobody@region.fr"'),
    )
  })

  it('refuses a bad e-mail, an unknown partner and a duplicate', async () => {
    await expect(run(users, ['add', '--partner', 'R84', '--email', 'nope'])).rejects.toThrow(/not an e-mail/)
    await expect(run(users, ['add', '--partner', 'ZZ', '--email', 'x@y.fr'])).rejects.toThrow(
      /unknown partner/,
    )
    await expect(run(users, ['add', '--partner', 'R84', '--email', 'ana@region.fr'])).rejects.toThrow(
      /already exists/,
    )
  })

  it('refuses an e-mail holding a newline or a control character, or longer than 254 characters, naming the rule; adds none', async () => {
    const refusal = (email: string) =>
      run(users, ['add', '--partner', 'R84', '--email', email]).then(
        () => 'accepted',
        (error: CliError) => [error.exitCode, error.message],
      )
    const rule =
      'is not an e-mail (an address name@domain.tld of at most 254 characters (RFC 5321), without spaces or control characters)'
    const before = (await run(users, ['list'])).stdout
    expect([
      await refusal('eve@region.fr\nR84      active  never  mallory@region.fr'),
      await refusal('eve@region.fr\u0007'),
      await refusal('eve@region.fr\r'),
      await refusal('eve\u2028@region.fr'),
      await refusal(`${'e'.repeat(246)}@region.fr`),
    ]).toEqual([
      [
        2,
        `--email "eve@region.fr\\nR84      active  never  mallory@region.fr" ${rule}: it holds a line break (U+000A) at character 14`,
      ],
      [2, `--email "eve@region.fr\\u0007" ${rule}: it holds a control character (U+0007) at character 14`],
      [2, `--email "eve@region.fr\\r" ${rule}: it holds a line break (U+000D) at character 14`],
      [2, `--email "eve\\u2028@region.fr" ${rule}: it holds a line break (U+2028) at character 4`],
      [2, `--email "${'e'.repeat(60)}"… (256 characters) ${rule}: it has 256 characters`],
    ])
    expect((await run(users, ['list'])).stdout).toEqual(before)
  })

  it('says an account disabled (or enabled) already is so, and logs nothing the second time', async () => {
    await run(users, ['add', '--partner', 'R84', '--email', 'twice@region.fr'])
    const first = await run(users, ['disable', '--email', 'twice@region.fr'])
    const second = await run(users, ['disable', '--email', 'Twice@Region.fr'])
    const enabled = await run(users, ['enable', '--email', 'twice@region.fr'])
    const enabledAgain = await run(users, ['enable', '--email', 'twice@region.fr'])
    expect([first, second, enabled, enabledAgain]).toEqual([
      { code: 0, stdout: ['user twice@region.fr disabled; its sessions are ended'] },
      { code: 0, stdout: ['user twice@region.fr is already disabled; nothing changed, nothing logged'] },
      { code: 0, stdout: ['user twice@region.fr enabled'] },
      { code: 0, stdout: ['user twice@region.fr is already enabled; nothing changed, nothing logged'] },
    ])
    const log = (await run(operatorLogCommand, ['--partner', 'R84'])).stdout
    expect(
      log.filter((line) => line.includes('twice@region.fr')).map((line) => /\tuser\/[a-z-]+/.exec(line)?.[0]),
    ).toEqual(['\tuser/add', '\tuser/disable', '\tuser/enable'])
  })

  it('audit-log refuses a dossier without its owner, an unknown owner, an end before the start, and an actor of neither kind', async () => {
    const usage =
      '\nusage: passerelle audit-log [--partner CODE] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--dossier CODE:ID] [--actor ACTOR]'
    await expect(run(auditLogCommand, ['--dossier', 'MCF-1'])).rejects.toThrow(
      new CliError(
        `--dossier "MCF-1" must be the owner's partner code and the record id, CODE:ID (e.g. CDC:MCF-2023-00003238)${usage}`,
        2,
      ),
    )
    await expect(run(auditLogCommand, ['--since', '2026-12-02', '--until', '2026-12-01'])).rejects.toThrow(
      new CliError(`--until 2026-12-01 is before --since 2026-12-02${usage}`, 2),
    )
    await expect(run(auditLogCommand, ['--actor', 'R84#1'])).rejects.toThrow(
      new CliError(
        `--actor "R84#1" names no reader: token:CODE#ID (e.g. token:CDC#12, as passerelle partners tokens lists them) or user:E-MAIL${usage}`,
        2,
      ),
    )
    expect(await run(auditLogCommand, ['--actor', 'user:Ana@Region.fr'])).toEqual({
      code: 0,
      stdout: ['at\tpartner\tactor\troute\tdossiers'],
    })
    await expect(run(auditLogCommand, ['--dossier', 'ZZ:MCF-1'])).rejects.toThrow(
      new CliError('--dossier: unknown partner "ZZ"'),
    )
    expect(await run(auditLogCommand, ['--dossier', 'R84:R84-1', '--until', '2026-12-31'])).toEqual({
      code: 0,
      stdout: ['at\tpartner\tactor\troute\tdossiers'],
    })
  })

  it('audit-log refuses an actor that names no token or account the hub has, rather than list no reads', async () => {
    const ids = (await run(partnersCommand, ['tokens', '--code', 'R84'])).stdout
      .slice(1)
      .map((line) => line.split('\t')[0])
    expect(ids.length).toBeGreaterThan(0)
    const refusal = (actor: string) =>
      run(auditLogCommand, ['--actor', actor]).then(
        () => 'accepted',
        (error: CliError) => [error.exitCode, error.message],
      )
    expect([
      await refusal('token:R84#999999'),
      await refusal('token:ZZ#1'),
      await refusal('user:nobody@region.fr'),
      await refusal(`token:R84${ids[0]}`),
      await refusal('user:ANA@region.fr'),
    ]).toEqual([
      [
        1,
        `--actor "token:R84#999999": R84 has no token #999999 (its tokens: ${ids.join(', ')}; see passerelle partners tokens --code R84)`,
      ],
      [1, '--actor "token:ZZ#1": unknown partner "ZZ"'],
      [1, '--actor "user:nobody@region.fr": no account nobody@region.fr (see passerelle users list)'],
      'accepted',
      'accepted',
    ])
  })

  it('audit-log refuses a day the calendar lacks before reading anything', async () => {
    await expect(run(auditLogCommand, ['--since', '2026-02-30'])).rejects.toThrow(
      new CliError(
        '--since "2026-02-30" is not a date YYYY-MM-DD of the calendar\nusage: passerelle audit-log [--partner CODE] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--dossier CODE:ID] [--actor ACTOR]',
        2,
      ),
    )
  })
})
