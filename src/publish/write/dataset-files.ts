/**
 * Every file of a dataset folder: per table `<table>.csv`, `.json`, `.parquet`; per dimension
 * `hierarchies/<dimension>.csv`; and `datapackage.json` describing the CSV files.
 * @module
 */
import type { CellStatus, ProtectedRow, ProtectedTable } from '../../privacy/index.ts'
import { DIMENSIONS, type DimensionName, type MeasureName } from '../definition/catalogue.ts'
import type { DatasetDefinition, TableDefinition } from '../definition/types.ts'
import { type CsvResource, dataPackage } from './datapackage.ts'
import { hierarchyCsv, hierarchyRows } from './hierarchy-file.ts'
import { type TableFiles, tableFiles } from './table-files.ts'
import { hierarchyResourceName, hierarchySchema, tableSchema } from './table-schema.ts'
import type { DatasetFile, HierarchyLabels, WriteIssue, WriteResult } from './types.ts'

const utf8 = new TextEncoder()

/**
 * The files of a dataset, from its definition, the protected tables of the release (those of
 * other datasets are ignored) and the labelled hierarchies. Pure: nothing is written.
 *
 * @example
 * const files = datasetFiles(definition, protectedTables, labels)
 * if (files.ok) await writeDatasetFolder(dir, files.value, writeFile)
 */
export function datasetFiles(
  dataset: DatasetDefinition,
  tables: readonly ProtectedTable[],
  labels: HierarchyLabels,
  hidden?: ReadonlyMap<ProtectedRow, ReadonlyMap<MeasureName, CellStatus>>,
): WriteResult<DatasetFile[]> {
  const issues: WriteIssue[] = []
  const written: { definition: TableDefinition; table: ProtectedTable; files: TableFiles }[] = []
  for (const definition of dataset.tables) {
    // A release protects every dataset's tables together, named `slug/table`.
    const qualified = `${dataset.slug}/${definition.name}`
    const table = tables.find((t) => t.name === qualified || t.name === definition.name)
    if (!table) {
      const message = `no protected table ${definition.name}`
      issues.push({ path: `${dataset.slug}/${definition.name}`, code: 'write/missing-table', message })
      continue
    }
    const files = tableFiles(definition, table, labels, hidden)
    if (files.ok) written.push({ definition, table, files: files.value })
    else issues.push(...files.issues)
  }
  if (issues.length > 0) return { ok: false, issues }
  const files: DatasetFile[] = []
  const resources: CsvResource[] = []
  for (const { definition, files: f } of written) {
    const csv = utf8.encode(f.csv)
    files.push(
      { path: `${definition.name}.csv`, bytes: csv },
      { path: `${definition.name}.json`, bytes: utf8.encode(f.json) },
      { path: `${definition.name}.parquet`, bytes: f.parquet },
    )
    resources.push({
      name: definition.name,
      path: `${definition.name}.csv`,
      title: definition.title,
      description: definition.description,
      bytes: csv,
      schema: tableSchema(f.columns),
    })
  }
  for (const [dimension, used] of usedCodes(written.map((w) => w.table))) {
    const path = `hierarchies/${dimension}.csv`
    const bytes = utf8.encode(hierarchyCsv(hierarchyRows(labels[dimension] ?? [], used)))
    const { label, description } = DIMENSIONS[dimension]
    files.push({ path, bytes })
    resources.push({
      name: hierarchyResourceName(dimension),
      path,
      title: `Hiérarchie : ${label}`,
      description: `${description} Codes utilisés par les tables, avec leur code parent, leur libellé et leur niveau.`,
      bytes,
      schema: hierarchySchema(dimension),
    })
  }
  files.push({ path: 'datapackage.json', bytes: utf8.encode(dataPackage(dataset, resources)) })
  return { ok: true, value: files }
}

/** Per dimension (in order of first use), the codes of every table's hierarchy. */
function usedCodes(tables: readonly ProtectedTable[]): Map<DimensionName, Set<string>> {
  const used = new Map<DimensionName, Set<string>>()
  for (const table of tables) {
    // tableFiles checked the table's dimensions against its definition: they are catalogue names.
    for (const dimension of table.dimensions as DimensionName[]) {
      const codes = used.get(dimension) ?? new Set()
      for (const row of table.hierarchies[dimension] ?? []) codes.add(row.code)
      used.set(dimension, codes)
    }
  }
  return used
}
