/**
 * The demo's referentials, loaded once: a re-run finds each file it generated already loaded (the
 * last load of its kind has the file's SHA-256) and leaves it, so that the last load's time stays
 * the one its release was published after (demo-watermark.ts), and no minute goes into loading
 * the same rows again.
 * @module
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { ReferentialKind } from '../referentials/kinds.ts'
import { loadReferential } from '../referentials/load-referential.ts'
import { listReferentialLoads } from '../referentials/referential.repository.ts'
import { formatCount } from './hub.ts'
import { CliError } from './io.ts'

/** The order the demo loads them in: the SNGI last, which certifies the identities of the others' rows. */
export const DEMO_REFERENTIALS: readonly ReferentialKind[] = [
  'organisms',
  'certifications',
  'catalogue',
  'dsn',
  'sngi',
]

/**
 * Loads each referential of `dataDir/referentials/<kind>.csv` that is not the one loaded last for
 * its kind (a first run, or a `passerelle referentials load` of another file since), and logs one
 * line per kind as it is done, saying which were loaded already. Throws when a file cannot be loaded.
 *
 * @example
 * await loadDemoReferentials(db, { dataDir, secret, log: io.err })
 */
export async function loadDemoReferentials(
  db: Kysely<Database>,
  { dataDir, secret, log }: { dataDir: string; secret: string; log: (line: string) => void },
): Promise<void> {
  const loaded = new Map((await listReferentialLoads(db)).map((l) => [l.kind, l]))
  for (const kind of DEMO_REFERENTIALS) {
    const path = join(dataDir, 'referentials', `${kind}.csv`)
    const last = loaded.get(kind)
    if (last !== undefined && last.fileSha256 === (await fileSha256(path))) {
      log(`referential ${kind}: ${formatCount(last.rows)} rows (already loaded)`)
      continue
    }
    const result = await loadReferential(db, { kind, path, secret, skipInvalid: true })
    if (!result.ok) throw new CliError(`referential ${kind}: ${result.errors[0]?.message ?? 'not loaded'}`)
    // On a first run no dossier is in yet: each is certified as it is imported.
    const certified =
      result.certified === undefined
        ? ''
        : result.certified === 0
          ? ', dossiers certified as they are imported'
          : `, ${formatCount(result.certified)} identities certified`
    log(`referential ${kind}: ${formatCount(result.rows)} rows${certified}`)
  }
}

/** The SHA-256 of a file's bytes, as the loader records it; null when it cannot be read (it is loaded, and says why). */
async function fileSha256(path: string): Promise<string | null> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  } catch {
    return null
  }
  return hash.digest('hex')
}
