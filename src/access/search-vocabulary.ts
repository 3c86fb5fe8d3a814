import { codeLabels } from '../reference/code-labels.ts'
import type { SearchVocabulary } from './search.ts'

let cached: Promise<SearchVocabulary> | undefined

/** The code lists a dossier search is checked against, read once per process. */
export function loadSearchVocabulary(): Promise<SearchVocabulary> {
  cached ??= codeLabels('dispositifs.csv', 'code', 'libelle').then((dispositifs) => ({ dispositifs }))
  return cached
}
