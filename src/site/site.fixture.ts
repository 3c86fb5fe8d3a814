import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The golden publication of `test/publish.test.ts`: a real DIR written by `passerelle publish`. */
export const GOLDEN_PUBLICATION = join(import.meta.dirname, '..', '..', 'test', 'golden', 'publish')

/**
 * The golden publication as an in-memory DIR. The golden files leave out Parquet (binary); publish
 * writes one beside every table CSV, so a placeholder stands for each, for the link checks.
 */
export function publishedFiles(): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>()
  for (const name of readdirSync(GOLDEN_PUBLICATION, { recursive: true, encoding: 'utf8' })) {
    const path = join(GOLDEN_PUBLICATION, name)
    if (!statSync(path).isFile()) continue
    const key = relative(GOLDEN_PUBLICATION, path).split('\\').join('/')
    files.set(key, readFileSync(path, 'utf8'))
    if (key.endsWith('.csv') && !key.includes('/hierarchies/'))
      files.set(key.replace(/\.csv$/, '.parquet'), new Uint8Array([80, 65, 82, 49]))
  }
  return files
}
