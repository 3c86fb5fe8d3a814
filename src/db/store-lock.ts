import { readFileSync, rmSync, writeFileSync } from 'node:fs'

/** The embedded store is held by another live process. */
export class StoreInUseError extends Error {}

/**
 * An embedded store may be open in one process at a time: PGlite keeps the database in its own
 * memory and writes its folder back as it goes, so a second process (`passerelle status` while
 * `passerelle demo` serves, say) would read a stale state and its writes could corrupt the folder.
 * The lock is a file beside the folder holding the owner's pid; a lock whose process is gone
 * (killed with -9) is taken over. The same process may open its store again.
 * Throws, naming the folder and the pid, when another live process holds it.
 */
export function lockStoreDir(dir: string): () => void {
  const file = `${dir}.lock`
  const holder = readHolder(file)
  if (holder !== null && holder !== process.pid && alive(holder))
    throw new StoreInUseError(
      `the embedded store ${dir} is open in another passerelle process (pid ${holder}): stop it first, or set DATABASE_URL to share a PostgreSQL server`,
    )
  writeFileSync(file, String(process.pid))
  return () => {
    if (readHolder(file) === process.pid) rmSync(file, { force: true })
  }
}

function readHolder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
