/**
 * Whether `passerelle demo` has anything to publish: a re-run that changed nothing would spend
 * minutes protecting the same tables for the same release. The demo records, beside its secret,
 * the release it published and the watermark it measured before (demo-watermark.ts); a release is
 * up to date only while it is that one and the watermark is the same. The published files' times
 * told too little: a copied folder, a `passerelle publish` while records arrived, a referential
 * load or a change of code all left a stale release looking new.
 * @module
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { listReleases } from '../publish/release/commit-release.ts'
import type { Watermark, WatermarkParts } from './demo-watermark.ts'

/** What the demo records of the release it published. */
export interface DemoRelease {
  /** The folder published into (absolute). */
  readonly out: string
  /** The release's date: its folder under `out/releases`. */
  readonly date: string
  /** {@link releaseHash} of that release once published. */
  readonly release: string
  /** The watermark measured before publishing it. */
  readonly watermark: string
  /** The watermark's parts, to say which changed. */
  readonly parts: WatermarkParts
}

/** Where the demo records its release: beside its secret and its credentials, in the data folder. */
export function demoReleasePath(dataDir: string): string {
  return join(dataDir, 'demo-release.json')
}

/**
 * The SHA-256 of a release's `release.json` and `audit.json` (each hashed, then the pair): what
 * tells the release the demo published from another of the same date. Null when either cannot be
 * read: no release the demo could have recorded.
 */
export async function releaseHash(out: string, date: string): Promise<string | null> {
  const dir = join(out, 'releases', date)
  try {
    const files = await Promise.all(['release.json', 'audit.json'].map((f) => readFile(join(dir, f))))
    return sha256(files.map((bytes) => sha256(bytes)).join('\n'))
  } catch {
    return null
  }
}

/**
 * Records the release of `date` in `out` as the demo's, with the watermark measured before it was
 * published, through a temporary file renamed over the old one (a run stopped while writing leaves
 * the earlier record whole; a broken one only makes the next run publish again). Throws when the
 * release cannot be read or the file written.
 */
export async function recordDemoRelease(
  dataDir: string,
  out: string,
  date: string,
  watermark: Watermark,
): Promise<void> {
  const release = await releaseHash(out, date)
  if (release === null) throw new Error(`the release of ${date} in ${out} has no release.json or audit.json`)
  const record: DemoRelease = { out, date, release, watermark: watermark.value, parts: watermark.parts }
  const path = demoReleasePath(dataDir)
  mkdirSync(dataDir, { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, `${JSON.stringify({ about: ABOUT, ...record }, null, 2)}\n`)
    renameSync(temporary, path)
  } finally {
    rmSync(temporary, { force: true })
  }
}

const ABOUT =
  'The release passerelle demo last published, and what it was published from: its next run publishes again when either changed.'

/** What the demo recorded, or null: no file, or not one the demo writes (then it publishes). */
export function readDemoRelease(dataDir: string): DemoRelease | null {
  const path = demoReleasePath(dataDir)
  if (!existsSync(path)) return null
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as Partial<DemoRelease> | null
    const p = r?.parts as Partial<WatermarkParts> | undefined
    const text = (v: unknown) => typeof v === 'string'
    const textOrNull = (v: unknown) => v === null || text(v)
    const ok =
      text(r?.out) &&
      text(r?.date) &&
      text(r?.release) &&
      text(r?.watermark) &&
      textOrNull(p?.accepted) &&
      textOrNull(p?.referentials) &&
      text(p?.asOf) &&
      text(p?.code)
    return ok ? (r as DemoRelease) : null
  } catch {
    return null
  }
}

/** Whether to publish: the release that stands, or why it does not. */
export type DemoReleaseCheck =
  | { readonly upToDate: true; readonly date: string }
  | { readonly upToDate: false; readonly why: string }

/**
 * Whether the latest release in `out` is the one the demo recorded in `dataDir`, published from
 * the data, date of the data, code and definitions of `now` (the watermark measured now). When it
 * is not, `why` says so in a few words, for the line that says the demo publishes.
 *
 * @example
 * const check = await releaseUpToDate('.passerelle', '/abs/.passerelle/public', await demoWatermark(db, { asOf }))
 * if (!check.upToDate) io.out(`Publishing (${check.why})`)
 */
export async function releaseUpToDate(
  dataDir: string,
  out: string,
  now: Watermark,
): Promise<DemoReleaseCheck> {
  const latest = (await listReleases(out)).at(-1)
  if (latest === undefined) return stale('no release in the folder yet')
  const recorded = readDemoRelease(dataDir)
  if (recorded === null) return stale(`no record of the demo publishing the release of ${latest}`)
  if (recorded.out !== out) return stale(`the demo last published into another folder, ${recorded.out}`)
  if (recorded.date !== latest)
    return stale(`another release in the folder: the latest is of ${latest}, the demo's of ${recorded.date}`)
  if (recorded.release !== (await releaseHash(out, latest)))
    return stale(
      `another release in the folder: the release of ${latest} is not the one the demo published (its release.json or audit.json differ)`,
    )
  if (recorded.watermark === now.value) return { upToDate: true, date: latest }
  const was = recorded.parts
  const events = [
    ...(was.accepted === now.parts.accepted ? [] : ['records accepted']),
    ...(was.referentials === now.parts.referentials ? [] : ['referentials loaded']),
    ...(was.code === now.parts.code ? [] : ['code or datasets changed']),
  ]
  const why = [
    ...(events.length === 0 ? [] : [`${events.join(', ')} since the release of ${latest}`]),
    ...(was.asOf === now.parts.asOf ? [] : [`data date changed from ${was.asOf} to ${now.parts.asOf}`]),
  ]
  // Equal parts under another value: a record edited by hand, or written by another version.
  return stale(why.length === 0 ? `the watermark changed since the release of ${latest}` : why.join('; '))
}

function stale(why: string): DemoReleaseCheck {
  return { upToDate: false, why }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}
