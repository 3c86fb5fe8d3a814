import { parse } from 'csv-parse/sync'
import type { ReleaseSummary } from '../publish/docs/summary.ts'
import type { ReleaseEntry } from '../publish/run/release-index.ts'
import type { SiteEffects } from './effects.ts'

/** A Table Schema field of `datapackage.json`. */
export interface PackageField {
  readonly name: string
  readonly type: string
  readonly title?: string
  readonly description?: string
  readonly unit?: string
}

/** A resource of `datapackage.json` (a table, or a hierarchy under `hierarchies/`). */
export interface PackageResource {
  readonly name: string
  readonly path: string
  readonly title?: string
  readonly description?: string
  readonly bytes?: number
  readonly hash?: string
  readonly schema: { readonly fields: readonly PackageField[]; readonly primaryKey?: readonly string[] }
}

export interface DataPackage {
  readonly name: string
  readonly title: string
  readonly description?: string
  readonly keywords?: readonly string[]
  readonly licenses?: readonly { readonly name: string; readonly title?: string }[]
  readonly resources: readonly PackageResource[]
}

/** One code of a dimension's hierarchy (`hierarchies/<dimension>.csv`). */
export interface HierarchyCode {
  readonly code: string
  readonly parent: string
  readonly label: string
  readonly level: string
}

/** A published row: dimension codes (strings), values (numbers or null) and statuses. */
export type Row = Readonly<Record<string, string | number | null>>

/** A published table's JSON (`datasets/<slug>/<table>.json`). */
export interface TableData {
  readonly table: string
  readonly title: string
  readonly dimensions: readonly string[]
  readonly rows: readonly Row[]
}

/** Everything the site knows of one published dataset. */
export interface PublishedDataset {
  readonly slug: string
  readonly summary: ReleaseSummary
  readonly datapackage: DataPackage
  readonly documentation: string | undefined
  readonly schemaJsonLd: unknown
  /** Dimension → codes in hierarchy order. */
  readonly hierarchies: ReadonlyMap<string, readonly HierarchyCode[]>
}

/** The latest release of DIR, as the site reads it. */
export interface Published {
  readonly release: ReleaseEntry
  readonly releases: readonly ReleaseEntry[]
  readonly datasets: readonly PublishedDataset[]
  readonly changelog: string | undefined
  /** DCAT theme codes (`EDUC`, …) per dataset slug, from `catalog.jsonld`. */
  readonly themes: ReadonlyMap<string, readonly string[]>
  /**
   * The path the site is served at, from the catalogue's base URL (`passerelle publish --base-url`):
   * `/` by default, `/passerelle/` for `https://example.org/passerelle/`.
   */
  readonly sitePath: string
  /** Reads a table's JSON once (cached). */
  table(slug: string, name: string): Promise<TableData | undefined>
}

/** A problem with the published files, reported to the user as data. */
export interface SiteIssue {
  readonly path: string
  readonly code: string
  readonly message: string
}

export class SiteInputError extends Error {
  constructor(readonly issues: readonly SiteIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.code} ${i.message}`).join('\n'))
    this.name = 'SiteInputError'
  }
}

async function readJson<T>(effects: SiteEffects, path: string, required: boolean): Promise<T | undefined> {
  const text = await effects.readText(path)
  if (text === undefined) {
    if (required) throw new SiteInputError([{ path, code: 'site/missing-file', message: 'file not found' }])
    return undefined
  }
  try {
    return JSON.parse(text) as T
  } catch (error) {
    throw new SiteInputError([{ path, code: 'site/invalid-json', message: String(error) }])
  }
}

/** Parses a `code,parent,label,niveau` hierarchy CSV. */
export function parseHierarchy(text: string): HierarchyCode[] {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
  return records.map((r) => ({
    code: r.code ?? '',
    parent: r.parent ?? '',
    label: r.label ?? r.code ?? '',
    level: r.niveau ?? '',
  }))
}

/** DCAT theme codes per dataset slug: the last path segment of each `dcat:theme` IRI. */
export function catalogThemes(catalog: unknown): Map<string, string[]> {
  const themes = new Map<string, string[]>()
  const graph = (catalog as { '@graph'?: unknown[] } | undefined)?.['@graph'] ?? []
  for (const node of graph as Record<string, unknown>[]) {
    if (node['@type'] !== 'dcat:Dataset' || typeof node['@id'] !== 'string') continue
    const slug = /\/datasets\/([^/]+)\/#dataset$/.exec(node['@id'])?.[1]
    if (!slug) continue
    const raw = node['dcat:theme']
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { '@id'?: string }[]
    themes.set(
      slug,
      list.map((t) => (t['@id'] ?? '').split('/').pop() ?? '').filter((t) => t !== ''),
    )
  }
  return themes
}

/**
 * The path of the site's root on its host: the folder of the `dcat:Catalog` IRI
 * (`<base>catalog.jsonld#catalog`), `/` when the catalogue is missing or names none.
 * @example catalogSitePath({ '@graph': [{ '@id': 'https://example.org/passerelle/catalog.jsonld#catalog', '@type': 'dcat:Catalog' }] }) // '/passerelle/'
 */
export function catalogSitePath(catalog: unknown): string {
  const graph = (catalog as { '@graph'?: unknown[] } | undefined)?.['@graph'] ?? []
  for (const node of graph as Record<string, unknown>[]) {
    const id = node['@id']
    if (node['@type'] !== 'dcat:Catalog' || typeof id !== 'string' || !URL.canParse(id)) continue
    const path = new URL(id).pathname
    if (path.endsWith('/catalog.jsonld')) return path.slice(0, -'catalog.jsonld'.length)
  }
  return '/'
}

async function readDataset(effects: SiteEffects, slug: string): Promise<PublishedDataset> {
  const base = `datasets/${slug}`
  const summary = (await readJson<ReleaseSummary>(effects, `${base}/release.json`, true))!
  const datapackage = (await readJson<DataPackage>(effects, `${base}/datapackage.json`, true))!
  const hierarchies = new Map<string, HierarchyCode[]>()
  for (const resource of datapackage.resources) {
    const dimension = /^hierarchies\/(.+)\.csv$/.exec(resource.path)?.[1]
    if (!dimension) continue
    const text = await effects.readText(`${base}/${resource.path}`)
    if (text !== undefined) hierarchies.set(dimension, parseHierarchy(text))
  }
  return {
    slug,
    summary,
    datapackage,
    documentation: await effects.readText(`${base}/documentation.md`),
    schemaJsonLd: await readJson<unknown>(effects, `${base}/schema.jsonld`, false),
    hierarchies,
  }
}

/**
 * Reads the latest release published in DIR: `release.json`, `releases.json`, `catalog.jsonld`,
 * `CHANGELOG.md` and, per dataset, `release.json`, `datapackage.json`, `documentation.md`,
 * `schema.jsonld` and the hierarchies. Tables are read on demand. Throws {@link SiteInputError} when
 * a required file is missing or unreadable.
 */
export async function readPublished(effects: SiteEffects): Promise<Published> {
  const release = (await readJson<ReleaseEntry>(effects, 'release.json', true))!
  const index = await readJson<{ releases: ReleaseEntry[] }>(effects, 'releases.json', false)
  const catalog = await readJson<unknown>(effects, 'catalog.jsonld', false)
  const datasets: PublishedDataset[] = []
  for (const { slug } of release.datasets) datasets.push(await readDataset(effects, slug))
  const cache = new Map<string, Promise<TableData | undefined>>()
  return {
    release,
    releases: index?.releases ?? [release],
    datasets,
    changelog: await effects.readText('CHANGELOG.md'),
    themes: catalogThemes(catalog),
    sitePath: catalogSitePath(catalog),
    table(slug, name) {
      const key = `${slug}/${name}`
      let pending = cache.get(key)
      if (!pending) {
        pending = readJson<TableData>(effects, `datasets/${key}.json`, false)
        cache.set(key, pending)
      }
      return pending
    },
  }
}
