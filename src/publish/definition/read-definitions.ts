/**
 * The I/O edge of step 1: reads `datasets/*\/dataset.json` and `README.md` from disk and checks
 * them with `loadDefinitions`.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type DefinitionFile, type LoadDefinitionsResult, loadDefinitions } from './load-definitions.ts'

/** The repository root (this file is src/publish/definition/read-definitions.ts). */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * Reads every dataset folder under `<root>/datasets` and checks it. A missing file is left out
 * of the input, so that `loadDefinitions` reports it.
 */
export async function readDefinitions(root: string = repositoryRoot): Promise<LoadDefinitionsResult> {
  const entries = await readdir(join(root, 'datasets'), { withFileTypes: true })
  const files: DefinitionFile[] = []
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    for (const name of ['dataset.json', 'README.md']) {
      const file = `datasets/${entry.name}/${name}`
      const text = await readFile(join(root, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
      if (text !== undefined) files.push({ file, text })
    }
  }
  return loadDefinitions(files)
}
