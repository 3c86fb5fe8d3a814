import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'
import { parseCsv } from '../src/privacy/index.ts'

// One small generated hub (the demo's chain on the embedded store), published twice: golden
// files for the first release, a scan of every file for identifying data, and the rules of a
// second release. The dates are pinned so that the output does not depend on the day.
const DOSSIERS = '1500'
const root = join(import.meta.dirname, 'fixtures', 'publish-datasets')
const golden = join(import.meta.dirname, 'golden', 'publish')
let cwd: string
let out: string

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort()
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = memoryIo({}, cwd)
  const code = await main(args, io)
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'passerelle-publish-'))
  out = join(cwd, '.passerelle', 'public')
  expect((await run(['demo', '--dossiers', DOSSIERS, '--no-serve', '--no-publish'])).code).toBe(0)
  const first = await run([
    'publish',
    '--date',
    '2026-10-01',
    '--as-of',
    '2026-09-30',
    '--datasets-root',
    root,
  ])
  expect(first.stderr).not.toContain('failed')
  expect(first.code).toBe(0)
}, 600_000)

describe('passerelle publish on a generated hub', () => {
  it('writes the release the golden files hold (UPDATE_GOLDEN=1 rewrites them)', () => {
    // The site publish builds from the release (src/site) has its own tests.
    const site =
      /^(assets|catalogue|comparer|explorer|indicateurs|jeux-de-donnees|a-propos|partenaires)\/|\.html$|^flux\.atom$/
    const written = files(out).filter((f) => !f.endsWith('.parquet') && !site.test(relative(out, f)))
    const names = written.map((f) => relative(out, f))
    if (process.env.UPDATE_GOLDEN === '1') {
      for (const f of written) {
        const target = join(golden, relative(out, f))
        mkdirSync(dirname(target), { recursive: true })
        writeFileSync(target, readFileSync(f))
      }
    }
    expect(names).toEqual(files(golden).map((f) => relative(golden, f)))
    for (const f of written) {
      expect(readFileSync(f, 'utf8'), relative(out, f)).toBe(
        readFileSync(join(golden, relative(out, f)), 'utf8'),
      )
    }
  })

  it('publishes nothing that identifies a person: no NIR, name, birth date, person key or record id', async () => {
    const db = new PGlite(join(cwd, '.passerelle', 'pgdata'))
    const identities = (
      await db.query<{
        nir: string
        birth_name: string
        first_names: string
        birth_date: string
        person_key: string
        record_id: string
      }>(
        `select i.nir, i.birth_name, i.first_names, to_char(i.birth_date, 'YYYY-MM-DD') as birth_date, i.person_key, i.record_id
         from person_identity i`,
      )
    ).rows
    await db.close()
    expect(identities.length).toBeGreaterThan(1000)
    const labels = new Set<string>()
    const texts = files(out)
      .filter((f) => !f.endsWith('.parquet'))
      .map((f) => ({ file: relative(out, f), text: readFileSync(f, 'utf8') }))
    for (const { file, text } of texts) if (file.includes('/hierarchies/')) labels.add(text.toUpperCase())
    const leaks: string[] = []
    for (const { file, text } of texts) {
      const upper = text.toUpperCase()
      for (const p of identities) {
        const found = [
          p.nir.slice(0, 13),
          p.person_key,
          p.record_id,
          `${p.first_names.split(' ')[0]} ${p.birth_name}`.toUpperCase(),
          `${p.birth_name} ${p.first_names.split(' ')[0]}`.toUpperCase(),
        ].filter((needle) => upper.includes(needle.toUpperCase()))
        // A birth date is a day; the only days published are release and coverage dates.
        if (text.includes(p.birth_date) && p.birth_date < '2010-01-01') found.push(p.birth_date)
        if (found.length > 0) leaks.push(`${file}: ${found.join(', ')}`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('writes no zero in place of a suppressed value and a status beside every measure', () => {
    for (const file of files(join(out, 'datasets')).filter(
      (f) => f.endsWith('.csv') && !f.includes('hierarchies'),
    )) {
      const { header, records } = parseCsv(readFileSync(file, 'utf8'))
      const statusColumns = header.flatMap((h, i) => (h.endsWith('_statut') ? [i] : []))
      expect(statusColumns.length, file).toBeGreaterThan(0)
      for (const record of records) {
        for (const s of statusColumns) {
          const status = record.fields[s]!
          expect(['V', 'A', 'B', 'D'], file).toContain(status)
          const value = record.fields[header.indexOf(header[s]!.replace(/_statut$/, ''))]
          if (status !== 'V') expect(value, `${file}:${record.line}`).toBe('')
        }
      }
    }
  })

  it('keeps earlier releases online and keeps their suppressed cells suppressed in a new release', async () => {
    const second = await run([
      'publish',
      '--date',
      '2026-11-01',
      '--as-of',
      '2026-10-31',
      '--datasets-root',
      root,
    ])
    expect(second.code).toBe(0)
    expect(readdirSync(join(out, 'releases')).sort()).toEqual(['2026-10-01', '2026-11-01'])
    const table = 'datasets/entrees-essai/entrees_dispositif.csv'
    const before = parseCsv(readFileSync(join(out, 'releases', '2026-10-01', table), 'utf8'))
    const after = parseCsv(readFileSync(join(out, table), 'utf8'))
    const status = (csv: typeof before) => {
      const dims = csv.header.filter(
        (h) => !h.startsWith('nb_') && !h.includes('heures') && !h.startsWith('duree'),
      )
      const s = csv.header.indexOf('nb_entrees_statut')
      return new Map(
        csv.records.map((r) => [dims.map((d) => r.fields[csv.header.indexOf(d)]).join(), r.fields[s]]),
      )
    }
    const old = status(before)
    const now = status(after)
    const reopened = [...old].filter(([cell, s]) => s !== 'V' && now.get(cell) === 'V')
    expect(reopened).toEqual([])
    const index = JSON.parse(readFileSync(join(out, 'releases.json'), 'utf8'))
    expect(index.releases.map((r: { date: string }) => r.date)).toEqual(['2026-11-01', '2026-10-01'])
  })

  it('refuses a release dated before the latest online, or with older data, and writes nothing', async () => {
    const before = files(out).map((f) => [f, statSync(f).mtimeMs])
    const earlier = await run(['publish', '--date', '2026-10-15', '--datasets-root', root])
    expect(earlier.code).toBe(1)
    expect(earlier.stderr).toBe(
      'passerelle publish: publication failed, nothing written:\ndate: release/out-of-order release date 2026-10-15 is before the latest release online, 2026-11-01: releases are published in date order (publishing again on 2026-11-01 replaces it)',
    )
    const older = await run([
      'publish',
      '--date',
      '2026-11-02',
      '--as-of',
      '2026-10-30',
      '--datasets-root',
      root,
    ])
    expect(older.code).toBe(1)
    expect(older.stderr).toContain(
      'asOf: release/out-of-order data date 2026-10-30 is before the data date of the latest release online (2026-11-01, data as of 2026-10-31)',
    )
    expect(files(out).map((f) => [f, statSync(f).mtimeMs])).toEqual(before)
  })

  it('stops on Ctrl-C or SIGTERM during the protection, exits 130 and writes nothing', async () => {
    const before = files(out).map((f) => [f, statSync(f).mtimeMs])
    const controller = new AbortController()
    const { io, stderr } = memoryIo({}, cwd)
    // The signal fires once the search threads are started (processIo's stop).
    const err = (text: string) => {
      io.err(text)
      if (text.startsWith('protection: searching')) controller.abort()
    }
    const code = await main(['publish', '--date', '2026-11-02', '--datasets-root', root], {
      ...io,
      err,
      interrupted: controller.signal,
    })
    expect([code, stderr.filter((line) => /^(protection|passerelle publish):/.test(line))]).toEqual([
      130,
      [
        `protection: searching 3 population(s) for secondary cells on ${Math.min(availableParallelism(), 3)} thread(s)`,
        'passerelle publish: interrupted: nothing was written, the releases online are unchanged; run publish again',
      ],
    ])
    expect(files(out).map((f) => [f, statSync(f).mtimeMs])).toEqual(before)
    expect(existsSync(join(out, 'releases', '2026-11-02'))).toBe(false)
  })

  it('stops on Ctrl-C or SIGTERM between the statements of the facts and aggregation, exits 130 and writes nothing', async () => {
    const before = files(out).map((f) => [f, statSync(f).mtimeMs])
    const controller = new AbortController()
    const { io, stderr } = memoryIo({}, cwd)
    // Once the facts are built: the aggregation's first statement is refused.
    const err = (text: string) => {
      io.err(text)
      if (text.startsWith('facts:')) controller.abort()
    }
    const code = await main(['publish', '--date', '2026-11-02', '--datasets-root', root], {
      ...io,
      err,
      interrupted: controller.signal,
    })
    expect([
      code,
      stderr.filter((line) => /^(aggregation|protection|passerelle publish):/.test(line)),
    ]).toEqual([
      130,
      [
        'passerelle publish: interrupted: nothing was written, the releases online are unchanged; run publish again',
      ],
    ])
    expect(files(out).map((f) => [f, statSync(f).mtimeMs])).toEqual(before)
    expect(existsSync(join(out, 'releases', '2026-11-02'))).toBe(false)
  })

  it('writes nothing when a dataset definition is wrong', async () => {
    const bad = join(cwd, 'bad')
    mkdirSync(join(bad, 'datasets', 'x'), { recursive: true })
    writeFileSync(join(bad, 'datasets', 'x', 'dataset.json'), '{"slug": "x"')
    writeFileSync(join(bad, 'datasets', 'x', 'README.md'), '# x\n')
    const before = files(out).map((f) => [f, statSync(f).mtimeMs])
    const failed = await run(['publish', '--date', '2026-11-02', '--datasets-root', bad])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('datasets/x/dataset.json')
    expect(files(out).map((f) => [f, statSync(f).mtimeMs])).toEqual(before)
    expect(existsSync(join(out, 'releases', '2026-11-02'))).toBe(false)
  })

  it('refuses to withdraw a release that is not online, or the one being replaced, and writes nothing', async () => {
    const before = files(out).map((f) => [f, statSync(f).mtimeMs])
    const absent = await run([
      'publish',
      '--date',
      '2026-11-03',
      '--withdraw',
      '2026-09-01',
      '--datasets-root',
      root,
    ])
    expect(absent.code).toBe(1)
    expect(absent.stderr).toBe(
      `passerelle publish: publication failed, nothing written:\nwithdraw: release/not-online no release of 2026-09-01 is online in ${out} (online: 2026-10-01, 2026-11-01)`,
    )
    const own = await run([
      'publish',
      '--date',
      '2026-11-01',
      '--withdraw',
      '2026-11-01',
      '--datasets-root',
      root,
    ])
    expect(own.code).toBe(1)
    expect(own.stderr).toContain('withdraw: release/withdraw-own-date release 2026-11-01 is this publication')
    const malformed = await run(['publish', '--withdraw', '2026-13-01', '--datasets-root', root])
    expect([malformed.code, malformed.stderr]).toEqual([
      2,
      'passerelle publish: --withdraw "2026-13-01" must be a date YYYY-MM-DD of the calendar',
    ])
    expect(files(out).map((f) => [f, statSync(f).mtimeMs])).toEqual(before)
  })

  it('takes a withdrawn release down with the next one, which no longer lists it or protects against it', async () => {
    const next = await run([
      'publish',
      '--date',
      '2026-11-03',
      '--as-of',
      '2026-10-31',
      '--withdraw',
      '2026-10-01',
      '--datasets-root',
      root,
    ])
    expect(next.code).toBe(0)
    expect(next.stdout).toContain('; withdrawn: 2026-10-01; audit ok')
    expect(readdirSync(join(out, 'releases')).sort()).toEqual(['2026-11-01', '2026-11-03'])
    const index = JSON.parse(readFileSync(join(out, 'releases.json'), 'utf8'))
    expect(index.releases.map((r: { date: string }) => r.date)).toEqual(['2026-11-03', '2026-11-01'])
    expect(JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')).releasesOnline).toEqual(['2026-11-01'])
    const changelog = readFileSync(join(out, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain('Publication retirée avec celle-ci, dont les fichiers ne sont plus en ligne')
    expect(changelog).toContain('1er octobre 2026.')
    // No page, feed or index links to the withdrawn folder any more; they do to the one still online.
    const linking = (folder: string) =>
      files(out)
        .filter((f) => /\.(html|json|jsonld|atom|md|xml)$/.test(f))
        .filter((f) => readFileSync(f, 'utf8').includes(folder))
        .map((f) => relative(out, f))
    expect(linking('releases/2026-10-01')).toEqual([])
    expect(linking('releases/2026-11-01').length).toBeGreaterThan(0)
  })

  it('does not let a withdrawal take a release back in time', async () => {
    const before = await run([
      'publish',
      '--date',
      '2026-11-02',
      '--withdraw',
      '2026-11-03',
      '--datasets-root',
      root,
    ])
    expect(before.code).toBe(1)
    expect(before.stderr).toContain(
      'date: release/out-of-order release date 2026-11-02 is before the latest release online, 2026-11-03',
    )
  })

  it('finishes a withdrawal a crash left half done, and republishing a day keeps one changelog entry for it', async () => {
    // The folder of the release withdrawn on 2026-11-03 back, as a crash before its removal leaves it.
    cpSync(join(out, 'releases', '2026-11-01'), join(out, 'releases', '2026-10-01'), { recursive: true })
    const args = ['publish', '--date', '2026-11-04', '--as-of', '2026-10-31', '--datasets-root', root]
    const next = await run(args)
    expect(next.code).toBe(0)
    expect(next.stderr).toContain(
      'releases withdrawn earlier whose folders are still there, removed with this release: 2026-10-01',
    )
    expect(readdirSync(join(out, 'releases')).sort()).toEqual(['2026-11-01', '2026-11-03', '2026-11-04'])
    expect(JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')).releasesOnline).toEqual([
      '2026-11-01',
      '2026-11-03',
    ])
    expect((await run(args)).code).toBe(0)
    const headings = readFileSync(join(out, 'CHANGELOG.md'), 'utf8').match(/^## .*$/gm)
    expect(headings).toEqual([
      '## Publication du 4 novembre 2026',
      '## Publication du 3 novembre 2026',
      '## Publication du 1er novembre 2026',
      '## Publication du 1er octobre 2026',
    ])
  })
})
