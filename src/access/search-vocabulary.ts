import { readCodeList } from '../reference/code-lists.ts'
import type { SearchVocabulary } from './search.ts'

let cached: Promise<SearchVocabulary> | undefined

/** The code lists a dossier search is checked against, read once per process. */
export function loadSearchVocabulary(): Promise<SearchVocabulary> {
  cached ??= readCodeList('dispositifs.csv').then((rows) => ({
    dispositifs: new Map(rows.map((r) => [r.code ?? '', r.libelle ?? ''])),
  }))
  return cached
}
