/**
 * The values of a table file, one array per row aligned with its columns: codes, then per measure
 * the value (rounded), the cell's status and interval bounds. Rates and ratios are computed here
 * from the published numerator and denominator. A suppressed cell has no value at all, whatever
 * the row holds: the status says why.
 * @module
 */
import type { CellStatus, ProtectedRow } from '../../privacy/index.ts'
import { MEASURES, type MeasureName } from '../definition/catalogue.ts'
import { wilsonInterval } from '../indicators/wilson.ts'
import type { Column } from './columns.ts'
import type { WriteIssue } from './types.ts'

/** One field: a code or status, a number, or null (empty). */
export type Value = string | number | null

/** Rows as value arrays, or the issues found (each measure's first offending row). */
export interface RecordsResult {
  readonly records: Value[][]
  readonly issues: WriteIssue[]
}

/**
 * Values of every row. `count` names the population's count measure, published from `row.n`.
 *
 * @example
 * tableRecords('sorties', tableColumns(definition), rows, 'nb_sorties')
 */
export function tableRecords(
  table: string,
  columns: readonly Column[],
  rows: readonly ProtectedRow[],
  count: MeasureName,
  hidden: ReadonlyMap<ProtectedRow, ReadonlyMap<MeasureName, CellStatus>> = new Map(),
): RecordsResult {
  const issues = new Map<string, WriteIssue>()
  const report = (issue: WriteIssue) => {
    const key = `${issue.path}\u0000${issue.code}`
    if (!issues.has(key)) issues.set(key, issue)
  }
  const records = rows.map((row) => {
    const where = row.codes.join(',')
    const lookup = (name: MeasureName): number | null => {
      const value = name === count ? row.n : row.measures[name]
      if (value === undefined) {
        report({
          path: `${table}#${name}`,
          code: 'write/missing-measure',
          message: `no ${name} in row ${where}`,
        })
        return null
      }
      return value
    }
    const published = row.status === 'V'
    const mine = hidden.get(row)
    let dimension = 0
    return columns.map((column): Value => {
      if (column.role === 'dimension') return row.codes[dimension++] ?? null
      const status = (published && mine && hiddenAs(column.measure, mine)) || row.status
      if (column.role === 'status') return status
      if (status !== 'V') return null
      const value = measureValue(column.measure, column.role, lookup, (code, message) =>
        report({ path: `${table}#${column.name}`, code, message: `${message} in row ${where}` }),
      )
      if (value === null) return null
      if (column.type === 'integer' && !Number.isInteger(value)) {
        report({
          path: `${table}#${column.name}`,
          code: 'write/not-an-integer',
          message: `${value} in row ${where}`,
        })
        return null
      }
      return column.decimals === undefined ? value : round(value, column.decimals)
    })
  })
  return { records, issues: [...issues.values()] }
}

/** The status a measure is hidden with: its own, or that of a part of the rate or ratio it is. */
function hiddenAs(name: MeasureName, hidden: ReadonlyMap<MeasureName, CellStatus>): CellStatus | undefined {
  const own = hidden.get(name)
  if (own !== undefined) return own
  const { measure } = MEASURES[name]
  if (measure.kind !== 'rate' && measure.kind !== 'ratio') return undefined
  return hidden.get(measure.numerator) ?? hidden.get(measure.denominator)
}

/** The unrounded value of a measure column of a published row; null when undefined (denominator 0). */
function measureValue(
  name: MeasureName,
  role: 'value' | 'low' | 'high',
  lookup: (name: MeasureName) => number | null,
  report: (code: 'write/bad-rate', message: string) => void,
): number | null {
  const { measure } = MEASURES[name]
  if (measure.kind !== 'rate' && measure.kind !== 'ratio') return lookup(name)
  const numerator = lookup(measure.numerator)
  const denominator = lookup(measure.denominator)
  if (numerator === null || denominator === null || !(denominator > 0)) return null
  if (role === 'value') return numerator / denominator
  if (
    !Number.isInteger(numerator) ||
    !Number.isInteger(denominator) ||
    numerator < 0 ||
    numerator > denominator
  ) {
    report('write/bad-rate', `not a proportion: ${numerator}/${denominator}`)
    return null
  }
  const interval = wilsonInterval(numerator, denominator)!
  return role === 'low' ? interval.low : interval.high
}

/** Rounds to `decimals` as `toFixed` does (ties away from zero on the exact binary value), never to −0. */
export function round(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals))
  return rounded === 0 ? 0 : rounded
}
