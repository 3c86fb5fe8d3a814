/**
 * Everything a release writes for one dataset, in memory: data files, hierarchies, datapackage,
 * documentation, schema.org metadata and the summary the next release compares with. Pure.
 * @module
 */

import { parsePeriod, periodEnd, periodStart } from '../../lib/period-code.ts'
import type { CellStatus, ProtectedRow, ProtectedTable, ProtectionReport } from '../../privacy/index.ts'
import {
  buildSchemaOrgDataset,
  type CatalogDataset,
  type CatalogFile,
  type CatalogInput,
} from '../catalog/index.ts'
import type { MeasureName } from '../definition/catalogue.ts'
import type { DatasetDefinition } from '../definition/types.ts'
import {
  type ProtectionContext,
  type ReleaseSummary,
  renderDocumentation,
  summariseRelease,
} from '../docs/index.ts'
import {
  type DatasetFile,
  datasetFiles,
  type HierarchyLabels,
  sha256,
  type WriteIssue,
} from '../write/index.ts'

const utf8 = new TextEncoder()

/** What {@link datasetOutput} needs besides the dataset's definition. */
export interface DatasetOutputInput {
  readonly definition: DatasetDefinition
  readonly tables: readonly ProtectedTable[]
  /** Follow-up measures hidden in published rows that pool cohorts (write/follow-up-coherence.ts). */
  readonly hidden?: ReadonlyMap<ProtectedRow, ReadonlyMap<MeasureName, CellStatus>>
  readonly report: ProtectionReport
  readonly labels: HierarchyLabels
  readonly date: string
  readonly asOf: string
  readonly territories: readonly string[]
  readonly partners: number
  /** Summaries of this dataset in earlier releases still online. */
  readonly earlier: readonly ReleaseSummary[]
  readonly protection: ProtectionContext
  /** Catalogue-wide settings (base URL, publisher), for the schema.org page metadata. */
  readonly catalog: Omit<CatalogInput, 'datasets'>
}

/** The dataset's files (paths relative to its folder), its catalogue entry and its summary. */
export interface DatasetOutput {
  readonly files: readonly DatasetFile[]
  readonly catalog: CatalogDataset
  readonly summary: ReleaseSummary
}

const FORMATS: Record<string, CatalogFile['format'] | undefined> = {
  csv: 'csv',
  parquet: 'parquet',
  json: 'json',
}

/** Builds a dataset's output, or the issues that stop it. */
export function datasetOutput(
  input: DatasetOutputInput,
): { ok: true; value: DatasetOutput } | { ok: false; issues: readonly WriteIssue[] } {
  const { definition } = input
  const data = datasetFiles(definition, input.tables, input.labels, input.hidden)
  if (!data.ok) return data
  const summary = summariseRelease({
    definition,
    date: input.date,
    asOf: input.asOf,
    territories: input.territories,
    partners: input.partners,
    tables: input.tables,
    report: input.report,
  })
  const documentation = renderDocumentation({
    definition,
    release: summary,
    earlier: input.earlier,
    protection: input.protection,
  })
  const catalogFiles = data.value.flatMap((file): CatalogFile[] => {
    const extension = file.path.split('.').pop() ?? ''
    const table = definition.tables.find((t) => `${t.name}.${extension}` === file.path)
    const format = file.path === 'datapackage.json' ? 'datapackage' : FORMATS[extension]
    if (!format || (format !== 'datapackage' && !table)) return []
    return [
      {
        path: `datasets/${definition.slug}/${file.path}`,
        format,
        title: table
          ? `${table.title} (${extension.toUpperCase()})`
          : 'Description Frictionless Data Package',
        byteSize: file.bytes.byteLength,
        sha256: sha256(file.bytes),
      },
    ]
  })
  const periods = summary.tables.map((t) => t.periods).filter((p) => p !== null)
  const catalogDataset: CatalogDataset = {
    slug: definition.slug,
    title: definition.title,
    description: definition.description,
    keywords: definition.keywords,
    themes: definition.themes,
    frequency: definition.frequency,
    ...(periods.length > 0 ? { temporal: temporalCoverage(periods) } : {}),
    version: input.date,
    issued: input.earlier.map((e) => e.date).sort()[0] ?? input.date,
    files: catalogFiles,
    documentation: {
      path: `datasets/${definition.slug}/documentation.md`,
      title: `Documentation : ${definition.title}`,
    },
  }
  const schemaOrg = buildSchemaOrgDataset({ ...input.catalog, datasets: [catalogDataset] }, catalogDataset)
  const text = (path: string, value: string): DatasetFile => ({ path, bytes: utf8.encode(value) })
  const files = [
    ...data.value,
    text('documentation.md', documentation),
    text('schema.jsonld', `${JSON.stringify(schemaOrg, null, 2)}\n`),
    text('release.json', `${JSON.stringify(summary, null, 2)}\n`),
  ]
  return { ok: true, value: { files, catalog: catalogDataset, summary } }
}

/** First day of the earliest period to last day of the latest, from period codes. */
function temporalCoverage(periods: readonly { readonly first: string; readonly last: string }[]): {
  start: string
  end: string
} {
  const first = periods.map((p) => p.first).sort()[0]!
  const last = periods
    .map((p) => p.last)
    .sort()
    .at(-1)!
  const read = (code: string) => {
    const period = parsePeriod(code)
    if (!period) throw new Error(`invalid period code: ${code}`)
    return period
  }
  return { start: periodStart(read(first)), end: periodEnd(read(last)) }
}
