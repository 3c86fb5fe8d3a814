import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { PackageResource, Published, PublishedDataset, TableData } from './published.ts'

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

/** A table resource of a datapackage with these dimensions (primary key) and measures. */
export const fakeResource = (name: string, dimensions: string[], measures: string[]): PackageResource => ({
  name,
  path: `${name}.csv`,
  schema: {
    primaryKey: dimensions,
    fields: [...dimensions, ...measures].map((n) => ({ name: n, type: 'string' })),
  },
})

/** A published dataset made of `resources` only. */
export function fakeDataset(slug: string, resources: PackageResource[]): PublishedDataset {
  return {
    slug,
    summary: {} as PublishedDataset['summary'],
    datapackage: { name: slug, title: slug, resources },
    documentation: undefined,
    schemaJsonLd: undefined,
    hierarchies: new Map(),
  }
}

/** A publication of `datasets` whose tables hold `rows` (by table name). */
export function fakePublished(
  datasets: PublishedDataset[],
  rows: Record<string, TableData['rows']> = {},
): Published {
  return {
    release: { date: '2026-10-01', asOf: '2026-09-30', datasets: [] },
    releases: [],
    datasets,
    changelog: undefined,
    themes: new Map(),
    sitePath: '/',
    async table(slug, name) {
      const r = datasets.find((d) => d.slug === slug)?.datapackage.resources.find((x) => x.name === name)
      return r && { table: name, title: name, dimensions: r.schema.primaryKey ?? [], rows: rows[name] ?? [] }
    },
  }
}
