import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { CliError, memoryIo } from '../io.ts'
import { referentialsCommand } from './referentials.ts'

// The command opens its own store: the test database on the server, an embedded one on disk otherwise.
let server: TestStore | null = null
let dir: string
let env: Record<string, string>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-cli-referentials-'))
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    server = await openTestStore()
    env = { DATABASE_URL: server.url! }
  } else {
    env = { PASSERELLE_DATA: join(dir, 'data') }
  }
})
afterAll(() => server?.dispose())

function write(name: string, lines: readonly string[]) {
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`)
}

async function run(args: string[], extraEnv: Record<string, string> = {}) {
  const { io, stdout, stderr } = memoryIo({ ...env, ...extraEnv }, dir)
  const code = await referentialsCommand.run(args, io)
  return { code, stdout, stderr }
}

const ORGANISMS = 'siret,nda,name,commune,qualiopi'

describe('passerelle referentials', () => {
  it('loads a file and lists the loads', async () => {
    write('organisms.csv', [ORGANISMS, '98765432100015,11755406975,Form Plus,75056,true'])
    expect(await run(['load', '--kind', 'organisms', 'organisms.csv'])).toEqual({
      code: 0,
      stdout: ['loaded 1 organisms from organisms.csv'],
      stderr: [],
    })
    const listed = await run(['list'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toHaveLength(5)
    expect(listed.stdout[0]).toMatch(
      /^organisms {7}organisms\.csv, 1 rows, loaded \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    )
    expect(listed.stdout[3]).toBe('sngi            never loaded')
  })

  it('prints every bad line and exits 1, keeping the previous load', async () => {
    write('bad.csv', [ORGANISMS, '98765432100015,,A,,true', '123,,B,,true', '12345678000014,,C,,maybe'])
    expect(await run(['load', '--kind', 'organisms', 'bad.csv'])).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        'bad.csv: line 3, column siret: siret "123" fails the Luhn check (14 digits, Luhn; La Poste: digit sum divisible by 5)',
        'bad.csv: line 4, column qualiopi: qualiopi "maybe" is not true or false',
        'bad.csv: not loaded, 2 findings (the previous load is kept)',
      ],
    })
    expect((await run(['list'])).stdout[0]).toContain('organisms.csv, 1 rows')
  })

  it('loads the valid lines with --skip-invalid', async () => {
    write('skip.csv', [ORGANISMS, '98765432100015,,A,,true', '123,,B,,true', '12345678000014,,C,,true'])
    const result = await run(['load', '--kind', 'organisms', 'skip.csv', '--skip-invalid'])
    expect(result.code).toBe(0)
    expect(result.stdout).toEqual(['loaded 2 organisms from skip.csv, skipped 1 invalid lines'])
    expect(result.stderr).toHaveLength(1)
  })

  it('loads the SNGI with the secret and says how many records are certified', async () => {
    write('sngi.csv', [
      'nir,birth_name,first_names,birth_date,sex',
      '2850575056048,Dupont,Marie,1985-05-14,F',
    ])
    expect(await run(['load', '--kind', 'sngi', 'sngi.csv'], { PASSERELLE_SECRET: 's3cret' })).toEqual({
      code: 0,
      stdout: [
        'loaded 1 SNGI identities from sngi.csv',
        '0 dossiers and CEP periods have a certified identity',
      ],
      stderr: [],
    })
  })

  it('refuses sngi and dsn without the secret', async () => {
    write('dsn.csv', ['nir,employer_siret,naf,contract_type,start_date,end_date,hours_ratio'])
    await expect(run(['load', '--kind', 'dsn', 'dsn.csv'])).rejects.toThrow(
      new CliError(
        'PASSERELLE_SECRET is not set: the dsn referential is stored under person keys, which need the hub secret (generate one with: openssl rand -hex 32)',
      ),
    )
  })

  it('refuses a file with its header and no data line (exit 1, nothing changes) unless --allow-empty', async () => {
    write('keep.csv', [ORGANISMS, '98765432100015,11755406975,Form Plus,75056,true'])
    expect((await run(['load', '--kind', 'organisms', 'keep.csv'])).code).toBe(0)
    write('header-only.csv', [ORGANISMS])
    expect(await run(['load', '--kind', 'organisms', 'header-only.csv'])).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        'header-only.csv: file: the file has its header and no data line: loading it would empty the organisms referential (nothing was changed; to empty it on purpose, load it with --allow-empty)',
        'header-only.csv: not loaded, 1 finding (the previous load is kept)',
      ],
    })
    expect((await run(['list'])).stdout[0]).toContain('keep.csv, 1 rows')
    expect(await run(['load', '--kind', 'organisms', 'header-only.csv', '--allow-empty'])).toEqual({
      code: 0,
      stdout: ['loaded 0 organisms from header-only.csv'],
      stderr: [],
    })
    expect((await run(['list'])).stdout[0]).toContain('header-only.csv, 0 rows')
  })

  it('rejects bad usage with exit code 2', async () => {
    for (const args of [
      [],
      ['load', 'x.csv'],
      ['load', '--kind', 'people', 'x.csv'],
      ['load', '--kind', 'dsn'],
      ['load', '--bad'],
    ]) {
      const error = await run(args).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(CliError)
      expect((error as CliError).exitCode).toBe(2)
    }
    await expect(run(['load', '--kind', 'people', 'x.csv'])).rejects.toThrow(
      /^--kind "people" must be one of organisms, certifications, catalogue, sngi, dsn\n/,
    )
    await expect(run(['load', 'x.csv'])).rejects.toThrow(/^--kind is required and must be one of organisms,/)
    await expect(run(['load', '--kind', 'organisms', 'missing.csv'])).rejects.toThrow(
      /^cannot read .*missing\.csv: no such file \(ENOENT\)$/,
    )
  })
})
