/**
 * Rebuilds a table from its published rows (every cell at every level, suppressed counts empty),
 * for an audit made from what was published rather than from the data.
 * @module
 */
import { buildHierarchy, type Hierarchy } from './build-hierarchy.ts'
import type { BuiltTable } from './build-table.ts'
import type { HierarchyRow, Issue, Result } from './types.ts'

/** A published table: its hierarchies and one row per cell, `n` null when suppressed. */
export interface PublishedTableInput {
  readonly name: string
  readonly dimensions: readonly string[]
  readonly hierarchies: Readonly<Record<string, readonly HierarchyRow[]>>
  readonly rows: readonly {
    readonly codes: readonly string[]
    readonly n: number | null
    readonly line?: number
  }[]
}

/** Builds the table; suppressed cells hold NaN. Issues: `table/unknown-code`, `table/bad-row`. */
export function buildPublishedTable(input: PublishedTableInput): Result<BuiltTable> {
  const issues: Issue[] = []
  const hierarchies: Hierarchy[] = []
  for (const dim of input.dimensions) {
    const rows = input.hierarchies[dim]
    if (!rows) {
      issues.push({
        path: input.name,
        code: 'table/unknown-code',
        message: `no hierarchy for dimension: ${dim}`,
      })
      continue
    }
    const built = buildHierarchy(dim, rows, `${input.name}#hierarchy:${dim}`)
    if (built.ok) hierarchies.push(built.value)
    else issues.push(...built.issues)
  }
  if (issues.length > 0) return { ok: false, issues }
  const strides: number[] = []
  let size = 1
  for (let i = hierarchies.length - 1; i >= 0; i--) {
    strides[i] = size
    size *= hierarchies[i]!.codes.length
  }
  const n = new Float64Array(size).fill(Number.NaN)
  for (const row of input.rows) {
    const at = { path: input.name, ...(row.line === undefined ? {} : { line: row.line }) }
    let local = 0
    hierarchies.forEach((h, i) => {
      const index = h.index.get(row.codes[i] ?? '')
      if (index === undefined) {
        issues.push({
          ...at,
          code: 'table/unknown-code',
          message: `unknown code in ${h.dimension}: ${row.codes[i]}`,
        })
      } else local += index * strides[i]!
    })
    n[local] = row.n ?? Number.NaN
  }
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    issues: [],
    value: { name: input.name, dimensions: input.dimensions, hierarchies, strides, size, n },
  }
}
