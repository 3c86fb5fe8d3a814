import type { Dirent } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'

/**
 * The file-system operations the site build uses. Paths are relative to the published folder `DIR`
 * (with `/` separators); `readSource` reads the site's own sources under the repository's `site/`
 * folder (styles, scripts). Passing them in keeps the build testable on an in-memory file map.
 */
export interface SiteEffects {
  /** A published file's text, or `undefined` when it does not exist. */
  readText(path: string): Promise<string | undefined>
  /** Writes a file of the site, creating its folders. */
  writeText(path: string, text: string): Promise<void>
  writeBytes(path: string, bytes: Uint8Array): Promise<void>
  /** Every file under the folder `folder` (e.g. `assets`), at any depth; none when it does not exist. */
  listFiles(folder: string): Promise<string[]>
  /** Removes a file of the site (nothing when it does not exist). */
  remove(path: string): Promise<void>
  /** A file of the repository's `site/` folder (e.g. `styles/site.css`). */
  readSource(path: string): Promise<string>
  log(message: string): void
}

/** The repository's `site/` folder (sources of the static assets). */
export const SITE_SOURCES = resolve(import.meta.dirname, '..', '..', 'site')

function inside(dir: string, path: string): string {
  const target = resolve(dir, path)
  if (target !== dir && !target.startsWith(dir + sep)) throw new Error(`path outside the site: ${path}`)
  return target
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** The files under `folder` at any depth, as paths relative to `root` with `/` separators. */
async function listTree(root: string, folder: string): Promise<string[]> {
  let entries: Dirent[]
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const files: string[] = []
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await listTree(root, path)))
    else if (entry.isFile()) files.push(relative(root, path).split(sep).join('/'))
  }
  return files
}

/** Effects on the real file system: `dir` is the published folder. */
export function fileSiteEffects(dir: string, log: (message: string) => void = () => {}): SiteEffects {
  const root = resolve(dir)
  const write = async (path: string, data: string | Uint8Array) => {
    const target = inside(root, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, data)
  }
  return {
    readText: (path) => readIfExists(inside(root, path)),
    writeText: write,
    writeBytes: write,
    listFiles: async (folder) => (await listTree(root, inside(root, folder))).sort(),
    remove: async (path) => rm(inside(root, path), { force: true }),
    readSource: (path) => readFile(join(SITE_SOURCES, path), 'utf8'),
    log,
  }
}

/**
 * Effects on an in-memory map of `DIR` (for tests): reads and writes go to `files`; sources are read
 * from the repository's `site/` folder.
 */
export function memorySiteEffects(files: Map<string, string | Uint8Array>): SiteEffects {
  return {
    async readText(path) {
      const value = files.get(path)
      return value === undefined
        ? undefined
        : typeof value === 'string'
          ? value
          : Buffer.from(value).toString('utf8')
    },
    async writeText(path, text) {
      files.set(path, text)
    },
    async writeBytes(path, bytes) {
      files.set(path, bytes)
    },
    async listFiles(folder) {
      return [...files.keys()].filter((path) => path.startsWith(`${folder}/`)).sort()
    },
    async remove(path) {
      files.delete(path)
    },
    readSource: (path) => readFile(join(SITE_SOURCES, path), 'utf8'),
    log() {},
  }
}
