/**
 * The columns of a published table, from its definition: one per dimension, then per measure its
 * value, its status and, for rates with an interval, the Wilson bounds (src/publish/README.md).
 * @module
 */
import { type DimensionName, MEASURES, type MeasureInfo, type MeasureName } from '../definition/catalogue.ts'
import type { TableDefinition } from '../definition/types.ts'

/** Table Schema types the files use. */
export type FieldType = 'string' | 'integer' | 'number'

/** Decimals kept for proportions (rates, ratios of hours) and for hours and euros. */
export const PROPORTION_DECIMALS = 4
export const AMOUNT_DECIMALS = 2

/** A column of a table file; `decimals` is set on the rounded number columns. */
export type Column =
  | {
      readonly name: string
      readonly type: 'string'
      readonly role: 'dimension'
      readonly dimension: DimensionName
    }
  | {
      readonly name: string
      readonly type: FieldType
      readonly role: 'value' | 'status' | 'low' | 'high'
      readonly measure: MeasureName
      readonly decimals?: number
    }

/** The columns of a table, in file order. */
export function tableColumns(table: TableDefinition): Column[] {
  const dimensions: Column[] = table.dimensions.map((d) => ({
    name: d.name,
    type: 'string',
    role: 'dimension',
    dimension: d.name,
  }))
  return [...dimensions, ...table.measures.flatMap(measureColumns)]
}

/** Value, status and (rates with an interval) interval bounds of one measure. */
export function measureColumns(name: MeasureName): Column[] {
  const info = MEASURES[name]
  const columns: Column[] = [
    { name, role: 'value', measure: name, ...valueType(info) },
    { name: `${name}_statut`, type: 'string', role: 'status', measure: name },
  ]
  if (info.measure.kind === 'rate' && info.measure.interval === true) {
    const bound = { type: 'number', measure: name, decimals: PROPORTION_DECIMALS } as const
    columns.push(
      { name: `${name}_ic_bas`, role: 'low', ...bound },
      { name: `${name}_ic_haut`, role: 'high', ...bound },
    )
  }
  return columns
}

/** Counts are integers; hours and euros keep cents; proportions four decimals. */
function valueType(info: MeasureInfo): { type: FieldType; decimals?: number } {
  const { kind } = info.measure
  const decimals = info.unit === 'proportion' ? PROPORTION_DECIMALS : AMOUNT_DECIMALS
  if (kind === 'rate' || kind === 'ratio') return { type: 'number', decimals }
  if (kind === 'sum' && (info.unit === 'heures' || info.unit === 'euros')) return { type: 'number', decimals }
  return { type: 'integer' }
}
