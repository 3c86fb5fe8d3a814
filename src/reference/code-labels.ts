import { readCodeList } from './code-lists.ts'

const cached = new Map<string, Promise<ReadonlyMap<string, string>>>()

/**
 * The labels of a code list of `reference/codes` by code (`regions.csv`, `code_region`, `nom`:
 * `84` → `Auvergne-Rhône-Alpes`), read once per process: pages name codes on every request.
 */
export function codeLabels(file: string, code: string, label: string): Promise<ReadonlyMap<string, string>> {
  const key = `${file}\u0000${code}\u0000${label}`
  let labels = cached.get(key)
  if (!labels) {
    labels = readCodeList(file).then((rows) => new Map(rows.map((r) => [r[code] ?? '', r[label] ?? ''])))
    cached.set(key, labels)
  }
  return labels
}
