import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CliError, memoryIo } from '../io.ts'
import { generateCommand, lackOfSpace, MAX_GENERATE_DOSSIERS, parseGenerateArgs } from './generate.ts'

const dirs: string[] = []
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-generate-'))
  dirs.push(dir)
  return dir
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const sub of ['', 'feeds', 'referentials']) {
    for (const name of await readdir(join(dir, sub))) {
      if (name === 'feeds' || name === 'referentials') continue
      files[join(sub, name)] = await readFile(join(dir, sub, name), 'utf8')
    }
  }
  return files
}

describe('passerelle generate', () => {
  it('replaces an earlier output whole, and refuses a folder holding files it did not write', async () => {
    const dir = await tempDir()
    const run = (args: string[]) => generateCommand.run([...args, '--out', 'out'], memoryIo({}, dir).io)
    await run(['--dossiers', '30'])
    await writeFile(join(dir, 'out', 'feeds', 'STRAY.ndjson'), '{}\n')
    expect(await run(['--dossiers', '20', '--seed', '2'])).toBe(0)
    const feeds = await readdir(join(dir, 'out', 'feeds'))
    await writeFile(join(dir, 'out', 'notes.txt'), 'mine')
    await expect(run(['--dossiers', '20'])).rejects.toThrow(
      new CliError(
        `--out ${join(dir, 'out')} holds files that passerelle generate did not write (notes.txt): choose an empty or new folder`,
        2,
      ),
    )
    expect([feeds.includes('STRAY.ndjson'), feeds.includes('CDC.ndjson')]).toEqual([false, true])
  })

  it('writes partners, feeds, referentials and a manifest, byte-identical for the same options', async () => {
    const [a, b] = [await tempDir(), await tempDir()]
    for (const dir of [a, b]) {
      const { io, stdout } = memoryIo({}, dir)
      const code = await generateCommand.run(
        ['--dossiers', '300', '--seed', '7', '--invalid-rate', '0.02', '--out', 'out'],
        io,
      )
      expect(code).toBe(0)
      expect(stdout.join('\n')).toMatch(/generated 300 dossiers/)
    }
    const first = await snapshot(join(a, 'out'))
    const second = await snapshot(join(b, 'out'))
    expect(first).toEqual(second)
    expect(first['partners.csv']!.split('\n')[0]).toBe('code,name,kind')
    expect(first['partners.csv']).toMatch(/\nR84,Région Auvergne-Rhône-Alpes,REGION\n/)
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'feeds/CDC.ndjson',
        'feeds/FT.ndjson',
        'referentials/organisms.csv',
        'referentials/certifications.csv',
        'referentials/catalogue.csv',
        'referentials/sngi.csv',
        'referentials/dsn.csv',
        'manifest.json',
      ]),
    )
    const manifest = JSON.parse(first['manifest.json']!)
    expect(manifest.options).toEqual({ dossiers: 300, seed: '7', invalidRate: 0.02, until: '2026-09-30' })
    for (const [file, lines] of Object.entries(manifest.files as Record<string, number>)) {
      const text = first[file]!
      expect(text === '' ? 0 : text.split('\n').length - 1, file).toBe(lines)
    }
    expect(first['referentials/dsn.csv']!.split('\n')[0]).toBe(
      'nir,employer_siret,naf,contract_type,start_date,end_date,hours_ratio',
    )
  })

  it('refuses more dossiers than the reference stock (8 M) before writing anything', () => {
    expect(() => parseGenerateArgs(['--dossiers', '9000000', '--out', 'x'], '/')).toThrow(
      new CliError(
        '--dossiers 9000000 is more than generate writes: at most 8,000,000 (the reference stock, about 26.4 GB of files)',
        2,
      ),
    )
  })

  it('refuses to start when the files would not fit in the free space, counting what an earlier output frees', () => {
    expect([
      lackOfSpace(1_000_000, '/data/gen', 2e9, 0),
      lackOfSpace(1_000_000, '/data/gen', 2e9, 1.5e9),
      lackOfSpace(1_000_000, '/data/gen', 1e9, 1e9),
    ]).toEqual([
      '--dossiers 1000000 needs about 3.3 GB in /data/gen, where 2.0 GB are free: free some space, or write fewer dossiers or elsewhere',
      null,
      '--dossiers 1000000 needs about 3.3 GB in /data/gen, where 2.0 GB are free (1.0 GB of them held by the earlier output it replaces): free some space, or write fewer dossiers or elsewhere',
    ])
  })

  it('rejects missing or bad options with a usage error', () => {
    expect(() => parseGenerateArgs(['--out', 'x'], '/')).toThrow(CliError)
    expect(() => parseGenerateArgs(['--dossiers', '10'], '/')).toThrow(/--out/)
    expect(() => parseGenerateArgs(['--dossiers', '-1', '--out', 'x'], '/')).toThrow(/dossiers/)
    expect(() => parseGenerateArgs(['--dossiers', '5', '--invalid-rate', '2', '--out', 'x'], '/')).toThrow(
      /invalid-rate/,
    )
    expect(() => parseGenerateArgs(['--dossiers', '5', '--until', '30/09/2026', '--out', 'x'], '/')).toThrow(
      /until/,
    )
    expect(() => parseGenerateArgs(['--dossiers', '5', '--until', '2026-02-29', '--out', 'x'], '/')).toThrow(
      new CliError('--until "2026-02-29" must be a date YYYY-MM-DD of the calendar', 2),
    )
    // Refused before anything is written (the generator itself stopped mid-way, leaving half a folder).
    expect(() => parseGenerateArgs(['--dossiers', '5', '--until', '2021-05-31', '--out', 'x'], '/')).toThrow(
      new CliError(
        '--until "2021-05-31" must be 2021-06-01 or later: the generated trainings start in 2021',
        2,
      ),
    )
    expect(() => parseGenerateArgs(['--dossiers', '5', '--invalid-rate', '2', '--out', 'x'], '/')).toThrow(
      new CliError('--invalid-rate "2" must be a share from 0 to 1 (e.g. 0.01)', 2),
    )
    expect(
      parseGenerateArgs(['--dossiers', String(MAX_GENERATE_DOSSIERS), '--out', 'x'], '/').options.dossiers,
    ).toBe(8_000_000)
    expect(parseGenerateArgs(['--dossiers', '5', '--out', 'x'], '/').options).toEqual({
      dossiers: 5,
      seed: '1',
      invalidRate: 0,
      until: '2026-09-30',
    })
  })
})

// Node's recursive mkdir spins forever under /proc: a child process killed after 30 s, so that a
// regression fails instead of hanging the run.
describe.skipIf(!existsSync('/proc/self'))('folders under /proc', () => {
  const run = (code: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    })

  it('generate refuses an --out it cannot create, at once (exit 2)', () => {
    const main = new URL('../main.ts', import.meta.url).href
    const child = run(
      `import(${JSON.stringify(main)}).then(async (m) => { process.exitCode = await m.main(['generate', '--dossiers', '10', '--out', '/proc/passerelle-nope/out']) })`,
    )
    expect([child.signal, child.status, child.stderr]).toEqual([
      null,
      2,
      'passerelle generate: cannot use --out /proc/passerelle-nope/out: cannot create /proc/passerelle-nope (ENOENT)\n',
    ])
  })

  it('import refuses a rejects file whose folder it cannot create, at once', () => {
    const rejects = new URL('../../ingest/rejects-file.ts', import.meta.url).href
    const child = run(
      `import(${JSON.stringify(rejects)}).then((m) => { try { m.openRejects('/proc/passerelle-nope/r.ndjson') } catch (e) { process.stdout.write(e.message) } })`,
    )
    expect([child.signal, child.stdout]).toEqual([
      null,
      'cannot write the rejects file /proc/passerelle-nope/r.ndjson: cannot create /proc/passerelle-nope (ENOENT)',
    ])
  })
})
