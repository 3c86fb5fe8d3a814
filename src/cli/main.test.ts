import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commands } from './commands.ts'
import { memoryIo } from './io.ts'
import { commandHelp, main } from './main.ts'

describe('passerelle', () => {
  it('answers an unknown option of any command with a usage error (exit 2), never a stack trace', async () => {
    const answers = []
    for (const command of commands) {
      const { io, stdout, stderr } = memoryIo({}, '/')
      const code = await main([command.name, '--no-such-option'], io)
      answers.push([command.name, code, stdout, stderr.join('\n').startsWith(`passerelle ${command.name}: `)])
    }
    expect(answers).toEqual(commands.map((c) => [c.name, 2, [], true]))
  })

  it('names the refused option and shows the usage', async () => {
    const { io, stderr } = memoryIo({}, '/')
    expect(await main(['site', '--bogus'], io)).toBe(2)
    expect(stderr).toEqual(["passerelle site: Unknown option '--bogus'\nusage: passerelle site [--out DIR]"])
  })

  it('refuses a release dated after today, which would count months without payroll data as no employment', async () => {
    const { io, stderr } = memoryIo({}, '/')
    expect(await main(['publish', '--date', '2999-01-01', '--as-of', '2998-12-31'], io)).toBe(2)
    expect(stderr).toHaveLength(1)
    expect(stderr[0]).toMatch(
      /^passerelle publish: --date 2999-01-01 is after today \(\d{4}-\d{2}-\d{2}\): a release is dated when it goes online$/,
    )
  })

  it('refuses a demo larger than the reference stock, pointing at generate and a server', async () => {
    const { io, stderr } = memoryIo({}, '/')
    expect(await main(['demo', '--dossiers', '8000001', '--no-serve'], io)).toBe(2)
    expect(stderr).toEqual([
      'passerelle demo: --dossiers 8000001 is more than the demo takes (8,000,000, the reference stock, already hours on the embedded store): for a hub of that size, write files with passerelle generate (at most as many) and import them into a PostgreSQL server (DATABASE_URL)',
    ])
  })

  it('explains in --help every option its usage names, and no other', () => {
    const flags = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort()
    expect(commands.map((c) => [c.name, flags(c.options.map(([o]) => o).join(' '))])).toEqual(
      commands.map((c) => [c.name, flags(c.usage)]),
    )
  })

  it('shows a command’s usage, then its options aligned with what each does', async () => {
    const { io, stdout } = memoryIo({}, '/')
    expect(await main(['status', '--help'], io)).toBe(0)
    expect(stdout).toEqual([
      [
        'per partner: records received, accepted, rejected by rule, last transmission, by month',
        '',
        'usage: passerelle status [--partner CODE] [--json]',
        '',
        'options:',
        '  --partner CODE  only that partner',
        '  --json          the same figures as JSON, for monitoring',
      ].join('\n'),
    ])
    expect(commandHelp(commands.find((c) => c.name === 'migrate')!)).not.toContain('options:')
  })

  it('answers a missing required option with a usage error (exit 2) naming it, never a lookup of ""', async () => {
    // A data folder without a hub: a command that went on to the store would answer "no hub" (exit 1).
    const env = { PASSERELLE_DATA: join(mkdtempSync(join(tmpdir(), 'passerelle-main-')), 'data') }
    const lines: [string[], string][] = [
      [['partners', 'tokens'], '--code CODE'],
      [['partners', 'rotate-token'], '--code CODE'],
      [['partners', 'revoke-token', '--token', '5'], '--code CODE'],
      [['partners', 'revoke-token', '--code', 'R84'], '--token ID'],
      [['partners', 'add', '--name', 'Région', '--kind', 'REGION'], '--code CODE'],
      [['partners', 'add', '--code', 'R84', '--kind', 'REGION'], '--name NAME'],
      [['partners', 'add', '--code', 'R84', '--name', 'Région'], '--kind KIND'],
      [['users', 'add', '--email', 'ana@region.fr'], '--partner CODE'],
      [['users', 'add', '--partner', 'R84'], '--email E'],
      [['users', 'disable'], '--email E'],
      [['users', 'enable'], '--email E'],
      [['users', 'reset-password'], '--email E'],
      [['generate', '--out', 'x'], '--dossiers N'],
      [['generate', '--dossiers', '5'], '--out DIR'],
      [['protect', '--out', 'x'], '--table T.csv'],
      [['protect', '--table', 't.csv'], '--out DIR'],
    ]
    const answers = []
    for (const [argv] of lines) {
      const { io, stdout, stderr } = memoryIo(env, '/')
      answers.push([await main(argv, io), stdout, stderr])
    }
    expect(answers).toEqual(
      lines.map(([[name], option]) => {
        const usage = commands.find((c) => c.name === name)!.usage
        return [2, [], [`passerelle ${name}: ${option} is required\nusage: ${usage}`]]
      }),
    )
  })

  it('says an option given empty is required, not looked up', async () => {
    const { io, stderr } = memoryIo({}, '/')
    expect(await main(['partners', 'tokens', '--code', ' '], io)).toBe(2)
    expect(stderr[0]?.split('\n')[0]).toBe('passerelle partners: --code CODE is required (it is empty)')
  })
})
