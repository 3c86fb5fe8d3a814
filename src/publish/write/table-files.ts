/**
 * The three files of one protected table (CSV, JSON, Parquet), rows in hierarchy order.
 * @module
 */
import type { CellStatus, ProtectedRow, ProtectedTable } from '../../privacy/index.ts'
import { type MeasureName, POPULATIONS } from '../definition/catalogue.ts'
import type { TableDefinition } from '../definition/types.ts'
import { checkLabels } from './check-labels.ts'
import { type Column, tableColumns } from './columns.ts'
import { toCsv } from './csv.ts'
import { toJson } from './json.ts'
import { ranksOf, sortByRanks } from './order.ts'
import { toParquet } from './parquet.ts'
import { tableRecords } from './records.ts'
import type { HierarchyLabels, WriteResult } from './types.ts'

/** A table's file contents and the columns they have. */
export interface TableFiles {
  readonly columns: readonly Column[]
  readonly csv: string
  readonly json: string
  readonly parquet: Uint8Array
}

/**
 * Writes a protected table as its definition says. Issues: the table's dimensions differ from the
 * definition's, codes the labels lack or place elsewhere, measures missing from the rows.
 */
export function tableFiles(
  definition: TableDefinition,
  table: ProtectedTable,
  labels: HierarchyLabels,
  hidden?: ReadonlyMap<ProtectedRow, ReadonlyMap<MeasureName, CellStatus>>,
): WriteResult<TableFiles> {
  const expected = definition.dimensions.map((d) => d.name)
  if (expected.join() !== table.dimensions.join())
    return {
      ok: false,
      issues: [
        {
          path: table.name,
          code: 'write/dimension-mismatch',
          message: `dimensions ${table.dimensions.join(',')}, defined ${expected.join(',')}`,
        },
      ],
    }
  const labelIssues = checkLabels(table, labels)
  if (labelIssues.length > 0) return { ok: false, issues: labelIssues }
  const rows = sortByRanks(
    table.rows,
    expected.map((d) => ranksOf(labels[d] ?? [])),
  )
  const columns = tableColumns(definition)
  const { records, issues } = tableRecords(
    table.name,
    columns,
    rows,
    POPULATIONS[definition.population].count,
    hidden,
  )
  if (issues.length > 0) return { ok: false, issues }
  const header = columns.map((c) => c.name)
  return {
    ok: true,
    value: {
      columns,
      csv: toCsv(header, records),
      json: toJson(definition, columns, records),
      parquet: toParquet(columns, records),
    },
  }
}
