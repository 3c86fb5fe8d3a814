import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIo } from './io.ts'
import { main } from './main.ts'

// Every case is refused before the hub is opened: the data folder is never created.
const data = join(mkdtempSync(join(tmpdir(), 'passerelle-sub-')), 'data')
async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo({ PASSERELLE_DATA: data })
  const code = await main(args, io)
  return { code, stdout, first: stderr.join('\n').split('\n')[0] }
}

describe('commands made of sub-commands', () => {
  it('say that a sub-command is needed and list them, or name the unknown one (exit 2)', async () => {
    expect([
      await run(['partners']),
      await run(['users']),
      await run(['referentials']),
      await run(['partners', 'lsit']),
      await run(['users', '']),
    ]).toEqual([
      {
        code: 2,
        stdout: [],
        first:
          'passerelle partners: a sub-command is needed: add, list, tokens, rotate-token or revoke-token',
      },
      {
        code: 2,
        stdout: [],
        first: 'passerelle users: a sub-command is needed: add, list, reset-password, disable or enable',
      },
      { code: 2, stdout: [], first: 'passerelle referentials: a sub-command is needed: load or list' },
      {
        code: 2,
        stdout: [],
        first:
          'passerelle partners: unknown sub-command "lsit": it is one of add, list, tokens, rotate-token or revoke-token',
      },
      {
        code: 2,
        stdout: [],
        first: 'passerelle users: a sub-command is needed: add, list, reset-password, disable or enable',
      },
    ])
    expect(existsSync(data)).toBe(false)
  })

  it('refuse an option their sub-command does not take, by its name, rather than ignore it (exit 2)', async () => {
    expect([
      await run(['partners', 'list', '--code', 'R11']),
      await run(['users', 'disable', '--partner', 'R11', '--email', 'ana@region.fr']),
      await run(['users', 'list', '--email', 'ana@region.fr']),
      await run(['referentials', 'list', '--kind', 'dsn']),
      await run(['referentials', 'list', '--skip-invalid']),
      await run(['partners', 'tokens', '--code', 'R11', '--name', 'x']),
      await run(['partners', 'list', '--valid-days', 'abc']),
    ]).toEqual([
      {
        code: 2,
        stdout: [],
        first: 'passerelle partners: --code is not an option of partners list (it takes none)',
      },
      {
        code: 2,
        stdout: [],
        first: 'passerelle users: --partner is not an option of users disable (it takes --email)',
      },
      {
        code: 2,
        stdout: [],
        first: 'passerelle users: --email is not an option of users list (it takes --partner)',
      },
      {
        code: 2,
        stdout: [],
        first: 'passerelle referentials: --kind is not an option of referentials list (it takes none)',
      },
      {
        code: 2,
        stdout: [],
        first:
          'passerelle referentials: --skip-invalid is not an option of referentials list (it takes none)',
      },
      {
        code: 2,
        stdout: [],
        first: 'passerelle partners: --name is not an option of partners tokens (it takes --code)',
      },
      {
        code: 2,
        stdout: [],
        first: 'passerelle partners: --valid-days is for add and rotate-token, which issue tokens',
      },
    ])
    expect(existsSync(data)).toBe(false)
  })
})
