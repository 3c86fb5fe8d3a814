/**
 * Step 1 of publication: the texts of `datasets/<slug>/dataset.json` and `README.md` → checked
 * dataset definitions, or every issue found. Pure: the caller reads the files.
 * @module
 */
import { checkDataset } from './check-dataset.ts'
import { type DefinitionIssue, issue } from './definition-issue.ts'
import type { DatasetDefinition } from './types.ts'

/** A file of the `datasets/` folder, its path relative to the repository. */
export interface DefinitionFile {
  readonly file: string
  readonly text: string
}

export type LoadDefinitionsResult =
  | { readonly ok: true; readonly value: DatasetDefinition[] }
  | { readonly ok: false; readonly issues: DefinitionIssue[] }

const FILE = /^datasets\/([^/]+)\/(dataset\.json|README\.md)$/

/**
 * Checks every dataset folder: a `dataset.json` conforming to `DatasetDefinition` (without
 * `documentation`) and the vocabulary of catalogue.ts, and a non-empty `README.md`, which becomes
 * the definition's `documentation`. Every issue is reported, not only the first.
 *
 * @example
 * const result = loadDefinitions([
 *   { file: 'datasets/financements/dataset.json', text: '{…}' },
 *   { file: 'datasets/financements/README.md', text: '# Financements…' },
 * ])
 * if (!result.ok) for (const i of result.issues) console.error(`${i.path}: ${i.message}`)
 */
export function loadDefinitions(files: readonly DefinitionFile[]): LoadDefinitionsResult {
  const issues: DefinitionIssue[] = []
  const folders = new Map<string, { json?: string; readme?: string }>()
  for (const { file, text } of files) {
    const match = FILE.exec(file)
    if (!match) {
      const message = `unexpected file ${file}: a dataset folder holds datasets/<slug>/dataset.json and README.md`
      issues.push(issue({ file, pointer: [] }, 'definition/unexpected-file', message))
      continue
    }
    const [, folder = '', name] = match
    const entry = folders.get(folder) ?? {}
    const key = name === 'README.md' ? 'readme' : 'json'
    if (entry[key] !== undefined) {
      issues.push(issue({ file, pointer: [] }, 'definition/duplicate', `duplicate file: ${file}`))
      continue
    }
    entry[key] = text
    folders.set(folder, entry)
  }
  const datasets: DatasetDefinition[] = []
  for (const folder of [...folders.keys()].sort()) {
    const { json, readme } = folders.get(folder)!
    const jsonFile = `datasets/${folder}/dataset.json`
    const readmeFile = `datasets/${folder}/README.md`
    if (readme === undefined) {
      const message = `missing ${readmeFile}: every dataset is documented in French for its readers`
      issues.push(issue({ file: readmeFile, pointer: [] }, 'definition/missing-file', message))
    } else if (readme.trim() === '') {
      issues.push(
        issue({ file: readmeFile, pointer: [] }, 'definition/empty-field', `${readmeFile} is empty`),
      )
    }
    if (json === undefined) {
      issues.push(issue({ file: jsonFile, pointer: [] }, 'definition/missing-file', `missing ${jsonFile}`))
      continue
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch (error) {
      const message = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`
      issues.push(issue({ file: jsonFile, pointer: [] }, 'definition/invalid-json', message))
      continue
    }
    const definition = checkDataset(parsed, folder, readme ?? '', { file: jsonFile, pointer: [] }, issues)
    if (definition) datasets.push(definition)
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: datasets }
}
