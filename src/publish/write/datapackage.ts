/**
 * `datapackage.json`: a Frictionless Tabular Data Package (v1) describing every CSV file of a
 * dataset, with its size, SHA-256, dialect and Table Schema.
 * https://specs.frictionlessdata.io/data-package/
 * @module
 */
import { createHash } from 'node:crypto'
import type { DatasetDefinition } from '../definition/types.ts'
import { CSV_DIALECT } from './csv.ts'
import type { TableSchema } from './table-schema.ts'

/** Licence Ouverte / Open Licence 2.0 (Etalab), the licence of every published dataset. */
export const LICENCE = {
  name: 'etalab-2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  title: 'Licence Ouverte / Open Licence version 2.0',
} as const

/** A CSV file to describe: its resource name, relative path, documentation, bytes and schema. */
export interface CsvResource {
  readonly name: string
  readonly path: string
  readonly title: string
  readonly description: string
  readonly bytes: Uint8Array
  readonly schema: TableSchema
}

/** The descriptor text (two-space indented JSON, ending with a newline). */
export function dataPackage(dataset: DatasetDefinition, resources: readonly CsvResource[]): string {
  const descriptor = {
    profile: 'tabular-data-package',
    name: dataset.slug,
    title: dataset.title,
    description: dataset.description,
    keywords: dataset.keywords,
    licenses: [LICENCE],
    resources: resources.map((r) => ({
      profile: 'tabular-data-resource',
      name: r.name,
      path: r.path,
      title: r.title,
      description: r.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: r.bytes.byteLength,
      hash: `sha256:${sha256(r.bytes)}`,
      dialect: CSV_DIALECT,
      schema: r.schema,
    })),
  }
  return `${JSON.stringify(descriptor, null, 2)}\n`
}

/** Hex SHA-256 of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
