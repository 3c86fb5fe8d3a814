/**
 * Puts a staged release online in one step per entry: a failed build leaves the published folder
 * as it was, and readers never see half a release.
 * @module
 */
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Moves `staging/release` to `out/releases/<date>` (replacing a release of the same day) and every
 * entry of `staging/latest` to `out/<entry>`, then removes the releases withdrawn with it (once the
 * new one is online, which no longer lists them) and the staging folder.
 */
export async function commitRelease(
  out: string,
  date: string,
  staging: string,
  withdraw: readonly string[] = [],
): Promise<void> {
  for (const d of [date, ...withdraw])
    if (!RELEASE_DATE.test(d)) throw new Error(`release date ${JSON.stringify(d)}: expected YYYY-MM-DD`)
  if (withdraw.includes(date)) throw new Error(`release ${date} cannot be withdrawn by itself`)
  await mkdir(join(out, 'releases'), { recursive: true })
  const target = join(out, 'releases', date)
  await rm(target, { recursive: true, force: true })
  await rename(join(staging, 'release'), target)
  for (const entry of (await readdir(join(staging, 'latest'))).sort()) {
    const old = join(out, `.old-${entry}`)
    await rm(old, { recursive: true, force: true })
    await rename(join(out, entry), old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
    await rename(join(staging, 'latest', entry), join(out, entry))
    await rm(old, { recursive: true, force: true })
  }
  for (const withdrawn of withdraw) {
    // Out of the listing at once (a rename), then removed: a crash leaves a folder no one lists.
    const gone = join(out, 'releases', `.withdrawn-${withdrawn}`)
    await rm(gone, { recursive: true, force: true })
    await rename(join(out, 'releases', withdrawn), gone).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
    await rm(gone, { recursive: true, force: true })
  }
  await rm(staging, { recursive: true, force: true })
}

/** A fresh staging folder inside `out` (same file system, so that the final moves are renames). */
export async function stagingFolder(out: string): Promise<string> {
  const staging = join(out, `.staging-${process.pid}-${Date.now()}`)
  await mkdir(join(staging, 'latest'), { recursive: true })
  await mkdir(join(staging, 'release'), { recursive: true })
  return staging
}

/** Removes a staging folder after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true })
}

/** Copies a folder (used to keep the release copy and the latest copy apart). */
export async function copyFolder(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true })
}

const RELEASE_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Dates (YYYY-MM-DD) of the releases still online, oldest first. */
export async function listReleases(out: string): Promise<string[]> {
  const entries = await readdir(join(out, 'releases')).catch(() => [] as string[])
  return entries.filter((e) => RELEASE_DATE.test(e)).sort()
}
