/**
 * Step 6 of publication: protected tables, definitions and labelled hierarchies in, dataset files
 * out (README.md). Pure but for {@link writeDatasetFolder}.
 * @module
 */
export { type Column, type FieldType, measureColumns, tableColumns } from './columns.ts'
export { CSV_DIALECT } from './csv.ts'
export { type CsvResource, dataPackage, LICENCE, sha256 } from './datapackage.ts'
export { datasetFiles } from './dataset-files.ts'
export { type TableFiles, tableFiles } from './table-files.ts'
export { hierarchyResourceName, STATUSES, type TableSchema } from './table-schema.ts'
export type {
  DatasetFile,
  HierarchyLabels,
  LabelledCode,
  WriteIssue,
  WriteIssueCode,
  WriteResult,
} from './types.ts'
export { type WriteFileEffect, writeDatasetFolder } from './write-folder.ts'
