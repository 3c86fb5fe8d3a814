/**
 * What a demo release was published from, as one value the demo can compare on its next run: the
 * hub's data (the last records accepted, the last referential load), the date of the data, and the
 * code and definitions that turn them into files. Measured by the demo itself, never read from the
 * published files (golden tests hold those).
 * @module
 */
import { createHash } from 'node:crypto'
import { type Dirent, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { repositoryRoot } from '../publish/definition/read-definitions.ts'

/** The parts of a watermark, kept apart so that the demo can say which one changed. */
export interface WatermarkParts {
  /** When the hub last accepted records (UTC, to the microsecond), by any way in; null: never. */
  readonly accepted: string | null
  /** When a referential was last loaded (UTC, to the microsecond); null: never. */
  readonly referentials: string | null
  /** The date of the data the demo publishes with (`--as-of`). */
  readonly asOf: string
  /** {@link codeFingerprint} of the code and definitions. */
  readonly code: string
}

/** A watermark: the SHA-256 of its parts, and the parts. */
export interface Watermark {
  readonly value: string
  readonly parts: WatermarkParts
}

/** The folders of the repository whose files make what a release holds. */
export const CODE_FOLDERS = ['datasets', 'src', 'site', 'reference'] as const

/**
 * The demo's watermark now: measured before publishing, so that records accepted while the
 * publication runs leave the release it makes stale.
 *
 * @example
 * const before = await demoWatermark(db, { asOf: '2026-11-30' })
 * // publish, then record before.value beside the release
 */
export async function demoWatermark(
  db: Kysely<Database>,
  { asOf, root = repositoryRoot }: { asOf: string; root?: string },
): Promise<Watermark> {
  // Text in SQL: a JS Date keeps milliseconds, and two batches a few microseconds apart would read
  // as one time.
  const utc = (at: string) => sql<string | null>`to_char(${sql.raw(at)} at time zone 'UTC', ${ISO})`
  // A transmission's counts are added batch by batch (apply-batch.ts), each with its time.
  const accepted = await db
    .selectFrom('transmission')
    .select(utc('max(greatest(started_at, progressed_at, finished_at))').as('at'))
    .where(sql<boolean>`created + updated > 0`)
    .executeTakeFirst()
  const loaded = await db
    .selectFrom('referential_load')
    .select(utc('max(loaded_at)').as('at'))
    .executeTakeFirst()
  const parts: WatermarkParts = {
    accepted: accepted?.at ?? null,
    referentials: loaded?.at ?? null,
    asOf,
    code: codeFingerprint(root),
  }
  return { value: watermarkValue(parts), parts }
}

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'

/** The SHA-256 of a watermark's parts, in a fixed order. */
export function watermarkValue(parts: WatermarkParts): string {
  const { accepted, referentials, asOf, code } = parts
  return sha256(JSON.stringify([accepted, referentials, asOf, code]))
}

/**
 * The SHA-256 of the path, size and modification time of every file under the repository's
 * {@link CODE_FOLDERS}: any edit, `touch` or checkout changes it. Cheaper than hashing contents
 * (a few hundred `stat`s), and it errs on the side of publishing again.
 */
export function codeFingerprint(root: string = repositoryRoot): string {
  const lines: string[] = []
  for (const folder of CODE_FOLDERS) listFiles(join(root, folder), folder, lines)
  return sha256(lines.sort().join('\n'))
}

function listFiles(dir: string, relative: string, lines: string[]): void {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    // A folder the repository lacks (or removed while listed) is no file: nothing to fingerprint.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    const name = `${relative}/${entry.name}`
    if (entry.isDirectory()) listFiles(path, name, lines)
    else {
      // A file removed between the listing and its stat is left out, as if listed a moment later.
      const stat = statSync(path, { throwIfNoEntry: false })
      if (stat?.isFile()) lines.push(`${name}\t${stat.size}\t${stat.mtimeMs}`)
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
