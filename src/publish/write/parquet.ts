/**
 * Parquet bytes of a table: codes and statuses as UTF-8 strings (never null), integer measures
 * as INT64, other numbers as DOUBLE, null where the CSV has an empty field.
 * @module
 */
import { parquetWriteBuffer } from 'hyparquet-writer'
import type { Column } from './columns.ts'
import type { Value } from './records.ts'

/** The Parquet file of a table (one file, Snappy-compressed, column statistics). */
export function toParquet(columns: readonly Column[], records: readonly (readonly Value[])[]): Uint8Array {
  const columnData = columns.map((column, i) => {
    const values = records.map((r) => r[i] ?? null)
    if (column.type === 'string')
      return { name: column.name, type: 'STRING' as const, data: values, nullable: false }
    if (column.type === 'integer') {
      const data = values.map((v) => (v === null ? null : BigInt(v)))
      return { name: column.name, type: 'INT64' as const, data }
    }
    return { name: column.name, type: 'DOUBLE' as const, data: values }
  })
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'passerelle' }))
}
