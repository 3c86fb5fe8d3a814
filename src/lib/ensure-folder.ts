/**
 * Folders the operator names (the data folder, a publication's output): what is wrong with one, in
 * words, before any work is done in it.
 * @module
 */
import { accessSync, constants, mkdirSync, rmdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Creates `path` and its missing parents, one level at a time, and checks that it is a writable
 * folder. Returns what is wrong (`/x is not a directory`, `cannot create /proc/x (ENOENT)`,
 * `/x is not writable (EACCES)`), or null when the folder is ready. With `probe`, the folders it
 * created are removed again: it only tells whether the folder could be made.
 *
 * Node's `mkdir(…, { recursive: true })` is not used: on procfs a missing child answers ENOENT
 * while its parent exists, and Node 20 then creates the parent (EEXIST) and retries the child
 * forever, in C++, where no signal handler of ours can run (`PASSERELLE_DATA=/proc/x` hung).
 *
 * @example
 * ensureFolder('/tmp/afile/pgdata') // '/tmp/afile is not a directory'
 * ensureFolder('/srv/hub/public', { probe: true }) // null: it can be created, and was not
 */
export function ensureFolder(path: string, options: { probe?: boolean } = {}): string | null {
  const missing: string[] = []
  let existing = path
  for (;;) {
    const kind = entryKind(existing)
    if (kind === 'directory') break
    if (kind === 'other') return `${existing} is not a directory`
    if (typeof kind === 'object') return `cannot use ${existing} (${kind.code})`
    const parent = dirname(existing)
    // The root always exists; a parent equal to its child means the walk cannot go further.
    if (parent === existing) return `cannot create ${path} (${existing} does not exist)`
    missing.unshift(existing)
    existing = parent
  }
  const created: string[] = []
  try {
    if (missing.length === 0) return writable(path)
    // A folder that cannot take a new entry refuses the first one, whatever access(2) said.
    for (const folder of missing) {
      try {
        mkdirSync(folder)
      } catch (error) {
        return `cannot create ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)})`
      }
      created.push(folder)
    }
    return null
  } finally {
    if (options.probe) for (const folder of created.reverse()) rmdirSync(folder)
  }
}

/**
 * Checks that `path` is an existing folder, writable unless `write` is false. Returns what is
 * wrong (`does not exist`, `is not a directory`, `is not writable`), or null.
 */
export function existingFolder(path: string, options: { write?: boolean } = {}): string | null {
  const kind = entryKind(path)
  if (kind === 'missing') {
    // A file on the way is what to name: the folder can never be there.
    for (let parent = dirname(path); parent !== dirname(parent); parent = dirname(parent)) {
      const above = entryKind(parent)
      if (above === 'other') return `${parent} is not a directory`
      if (above !== 'missing') break
    }
    return `${path} does not exist`
  }
  if (kind === 'other') return `${path} is not a directory`
  if (typeof kind === 'object') return `cannot use ${path} (${kind.code})`
  return options.write === false ? null : writable(path)
}

type EntryKind = 'directory' | 'other' | 'missing' | { readonly code: string }

function entryKind(path: string): EntryKind {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    // ENOTDIR: a parent is a file, which the walk up reports by its own name.
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : { code }
  }
}

function writable(path: string): string | null {
  try {
    accessSync(path, constants.W_OK | constants.X_OK)
    return null
  } catch (error) {
    return `${path} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`
  }
}
