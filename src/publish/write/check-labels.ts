/**
 * A table's codes must be in the labelled hierarchies with the same parents: the hierarchy files
 * are the foreign keys of the table files, and a code under another parent would be mislabelled.
 * @module
 */
import type { ProtectedTable } from '../../privacy/index.ts'
import { DIMENSIONS, type DimensionName } from '../definition/catalogue.ts'
import { levelNames } from './table-schema.ts'
import type { HierarchyLabels, WriteIssue } from './types.ts'

/**
 * Issues `write/missing-labels`, `write/unknown-code`, `write/hierarchy-mismatch` and
 * `write/unknown-level` (a level the file's schema does not allow), one per code.
 */
export function checkLabels(table: ProtectedTable, labels: HierarchyLabels): WriteIssue[] {
  const issues: WriteIssue[] = []
  for (const dimension of table.dimensions) {
    const path = `${table.name}#${dimension}`
    const labelled = labels[dimension]
    if (!labelled) {
      issues.push({ path, code: 'write/missing-labels', message: `no labelled hierarchy for ${dimension}` })
      continue
    }
    const byCode = new Map(labelled.map((row) => [row.code, row]))
    const levels = dimension in DIMENSIONS ? new Set(levelNames(dimension as DimensionName)) : undefined
    for (const { code, parent } of table.hierarchies[dimension] ?? []) {
      const row = byCode.get(code)
      if (!row) issues.push({ path, code: 'write/unknown-code', message: `code without a label: ${code}` })
      else if (levels && !levels.has(row.level))
        issues.push({ path, code: 'write/unknown-level', message: `level of ${code}: ${row.level}` })
      else if (row.parent !== parent)
        issues.push({
          path,
          code: 'write/hierarchy-mismatch',
          message: `parent of ${code}: ${parent || '(root)'} in the table, ${row.parent || '(root)'} in the labels`,
        })
    }
  }
  return issues
}
