import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { recordReferentialLoad } from '../referentials/referential.repository.ts'
import {
  demoReleasePath,
  readDemoRelease,
  recordDemoRelease,
  releaseHash,
  releaseUpToDate,
} from './demo-release.ts'
import { codeFingerprint, demoWatermark, watermarkValue } from './demo-watermark.ts'

let store: TestStore
let partnerId: number
beforeAll(async () => {
  store = await openTestStore()
  const partner = await store.db
    .insertInto('partner')
    .values({ code: 'R84', name: 'Région', kind: 'REGION' })
    .returning('id')
    .executeTakeFirstOrThrow()
  partnerId = partner.id
})
afterAll(() => store.dispose())

const ASOF = '2026-11-30'

/** A temporary folder. */
const folder = (name: string) => mkdtempSync(join(tmpdir(), `demo-release-${name}-`))

/** A repository of a few files in the folders the fingerprint covers. */
function repository(): string {
  const root = folder('repo')
  for (const [path, text] of [
    ['datasets/chiffres-cles/dataset.json', '{}\n'],
    ['src/cli/demo.ts', 'export {}\n'],
    ['site/index.html', '<!doctype html>\n'],
    ['reference/regions.csv', 'code\n84\n'],
  ] as const) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

/** A release of `date` in `out`, whose files hold `text`. */
function release(out: string, date: string, text = date) {
  const dir = join(out, 'releases', date)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'release.json'), `{"release":"${text}"}\n`)
  writeFileSync(join(dir, 'audit.json'), `{"audit":"${text}"}\n`)
}

/** A transmission whose last batch committed at `at`, with `accepted` records created. */
async function transmission(at: string, accepted: number) {
  await store.db
    .insertInto('transmission')
    .values({
      partner_id: partnerId,
      channel: 'api',
      source: 'api:json',
      file_sha256: null,
      file_size: null,
      started_at: at,
      progressed_at: at,
      finished_at: at,
      created: accepted,
    })
    .execute()
}

/** A hub folder, its out folder and repository, with the release of `date` published and recorded by the demo. */
async function published(date = '2026-12-07') {
  const hub = folder('hub')
  const out = join(hub, 'public')
  const root = repository()
  const watermark = async (asOf = ASOF) => demoWatermark(store.db, { asOf, root })
  const before = await watermark()
  release(out, date)
  await recordDemoRelease(hub, out, date, before)
  return { hub, out, root, watermark }
}

describe('demoWatermark', () => {
  it('is made of the last time records were accepted and a referential was loaded (to the microsecond), the data date and the code', async () => {
    const root = repository()
    const empty = await demoWatermark(store.db, { asOf: ASOF, root })
    await transmission('2026-12-04T10:00:00.123456Z', 5)
    // Later, but accepting nothing: not a change of the data.
    await transmission('2026-12-06T10:00:00Z', 0)
    await store.db
      .insertInto('referential_load')
      .values({
        kind: 'organisms',
        file: 'organisms.csv',
        file_sha256: 'ab',
        rows: 3,
        loaded_at: '2026-12-03T08:00:00.000001Z',
      })
      .execute()
    const parts = {
      accepted: '2026-12-04T10:00:00.123456Z',
      referentials: '2026-12-03T08:00:00.000001Z',
      asOf: ASOF,
      code: codeFingerprint(root),
    }
    expect([empty, await demoWatermark(store.db, { asOf: ASOF, root })]).toEqual([
      {
        value: watermarkValue({ ...parts, accepted: null, referentials: null }),
        parts: { ...parts, accepted: null, referentials: null },
      },
      { value: watermarkValue(parts), parts },
    ])
  })
})

describe('codeFingerprint', () => {
  it('is the same while no file changes, and changes with a touch, an edit or a new file under datasets, src, site or reference', () => {
    const root = repository()
    const first = codeFingerprint(root)
    const seen = [codeFingerprint(root)]
    const later = new Date('2030-01-01T00:00:00Z')
    utimesSync(join(root, 'datasets/chiffres-cles/dataset.json'), later, later)
    seen.push(codeFingerprint(root))
    writeFileSync(join(root, 'site/index.html'), '<!doctype html><title>x</title>\n')
    seen.push(codeFingerprint(root))
    writeFileSync(join(root, 'reference/new.csv'), '')
    seen.push(codeFingerprint(root))
    // Outside the four folders: not code.
    writeFileSync(join(root, 'notes.txt'), 'x')
    seen.push(codeFingerprint(root))
    expect(seen.map((s) => s === first)).toEqual([true, false, false, false, false])
    expect(new Set(seen).size).toBe(4)
  })
})

describe('recordDemoRelease', () => {
  it('writes the out folder, the date, the hash of release.json and audit.json, the watermark and its parts, and no temporary file', async () => {
    const { hub, out, root } = await published()
    const parts = JSON.parse(readFileSync(demoReleasePath(hub), 'utf8')).parts
    expect(JSON.parse(readFileSync(demoReleasePath(hub), 'utf8'))).toEqual({
      about:
        'The release passerelle demo last published, and what it was published from: its next run publishes again when either changed.',
      out,
      date: '2026-12-07',
      release: await releaseHash(out, '2026-12-07'),
      watermark: watermarkValue(parts),
      parts: { ...parts, asOf: ASOF, code: codeFingerprint(root) },
    })
    expect(readDemoRelease(hub)?.date).toBe('2026-12-07')
    expect(readdirSync(hub).sort()).toEqual(['demo-release.json', 'public'])
  })

  it('refuses a release without its audit.json, and a file it did not write reads as no record', async () => {
    const hub = folder('hub')
    const out = join(hub, 'public')
    mkdirSync(join(out, 'releases', '2026-12-07'), { recursive: true })
    writeFileSync(join(out, 'releases', '2026-12-07', 'release.json'), '{}\n')
    const watermark = await demoWatermark(store.db, { asOf: ASOF, root: repository() })
    await expect(recordDemoRelease(hub, out, '2026-12-07', watermark)).rejects.toThrow(
      `the release of 2026-12-07 in ${out} has no release.json or audit.json`,
    )
    writeFileSync(demoReleasePath(hub), '{"out":"/x","date":"2026-12-07"}\n')
    expect(readDemoRelease(hub)).toBe(null)
  })
})

describe('releaseUpToDate', () => {
  it('names the release the demo recorded while nothing it was made from changed', async () => {
    const { hub, out, watermark } = await published()
    // Transmissions that accepted nothing, and an earlier release, change nothing.
    await transmission('2031-01-01T00:00:00Z', 0)
    release(out, '2026-12-01')
    expect(await releaseUpToDate(hub, out, await watermark())).toEqual({ upToDate: true, date: '2026-12-07' })
  })

  it('publishes when the folder holds no release, or one the demo did not record', async () => {
    const hub = folder('hub')
    const out = join(hub, 'public')
    const now = await demoWatermark(store.db, { asOf: ASOF, root: repository() })
    const seen = [await releaseUpToDate(hub, out, now)]
    // A release published by `passerelle publish`, or a public/ folder copied in: no record.
    release(out, '2026-12-07')
    seen.push(await releaseUpToDate(hub, out, now))
    expect(seen).toEqual([
      { upToDate: false, why: 'no release in the folder yet' },
      { upToDate: false, why: 'no record of the demo publishing the release of 2026-12-07' },
    ])
  })

  it('publishes when records were accepted while it published (the watermark is measured before)', async () => {
    const hub = folder('hub')
    const out = join(hub, 'public')
    const root = repository()
    const before = await demoWatermark(store.db, { asOf: ASOF, root })
    // The API accepts records during the minutes of protection.
    await transmission('2032-01-01T00:00:00.000001Z', 1)
    release(out, '2026-12-07')
    await recordDemoRelease(hub, out, '2026-12-07', before)
    expect(await releaseUpToDate(hub, out, await demoWatermark(store.db, { asOf: ASOF, root }))).toEqual({
      upToDate: false,
      why: 'records accepted since the release of 2026-12-07',
    })
  })

  it('publishes when records were accepted, or a referential loaded, after it published', async () => {
    const { hub, out, watermark } = await published()
    await transmission('2033-01-01T00:00:00Z', 2)
    const accepted = await releaseUpToDate(hub, out, await watermark())
    // `passerelle referentials load`
    await recordReferentialLoad(store.db, {
      kind: 'catalogue',
      file: 'catalogue.csv',
      fileSha256: 'cd',
      rows: 1,
    })
    const both = await releaseUpToDate(hub, out, await watermark())
    expect([accepted, both]).toEqual([
      { upToDate: false, why: 'records accepted since the release of 2026-12-07' },
      { upToDate: false, why: 'records accepted, referentials loaded since the release of 2026-12-07' },
    ])
    const loaded = await published()
    await recordReferentialLoad(store.db, { kind: 'dsn', file: 'dsn.csv', fileSha256: 'ef', rows: 1 })
    expect(await releaseUpToDate(loaded.hub, loaded.out, await loaded.watermark())).toEqual({
      upToDate: false,
      why: 'referentials loaded since the release of 2026-12-07',
    })
  })

  it('publishes when the code or the datasets changed, or the data date', async () => {
    const { hub, out, root, watermark } = await published()
    const later = new Date('2030-01-01T00:00:00Z')
    utimesSync(join(root, 'datasets/chiffres-cles/dataset.json'), later, later)
    const code = await releaseUpToDate(hub, out, await watermark())
    const dated = await published()
    const date = await releaseUpToDate(dated.hub, dated.out, await dated.watermark('2026-12-01'))
    expect([code, date]).toEqual([
      { upToDate: false, why: 'code or datasets changed since the release of 2026-12-07' },
      { upToDate: false, why: 'data date changed from 2026-11-30 to 2026-12-01' },
    ])
  })

  it('publishes when the folder holds another release than the one recorded: published over it, later, or copied in', async () => {
    const seen = []
    // `passerelle publish --as-of …` the same day: the same date, other files.
    const over = await published()
    release(over.out, '2026-12-07', 'published again by passerelle publish')
    seen.push(await releaseUpToDate(over.hub, over.out, await over.watermark()))
    // A later release (passerelle publish another day, or a copied public/ folder).
    const later = await published()
    release(later.out, '2026-12-09')
    seen.push(await releaseUpToDate(later.hub, later.out, await later.watermark()))
    // The whole data folder copied elsewhere: the record names the folder it was published into.
    const copied = await published()
    const elsewhere = folder('copy')
    cpSync(copied.hub, elsewhere, { recursive: true })
    seen.push(await releaseUpToDate(elsewhere, join(elsewhere, 'public'), await copied.watermark()))
    expect(seen).toEqual([
      {
        upToDate: false,
        why: 'another release in the folder: the release of 2026-12-07 is not the one the demo published (its release.json or audit.json differ)',
      },
      {
        upToDate: false,
        why: "another release in the folder: the latest is of 2026-12-09, the demo's of 2026-12-07",
      },
      { upToDate: false, why: `the demo last published into another folder, ${copied.out}` },
    ])
  })
})
