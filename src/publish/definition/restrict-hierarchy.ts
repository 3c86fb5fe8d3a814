/**
 * Cutting a dimension's tree down to what a table needs: the codes its data uses and their
 * ancestors, down to the table's depth. A table is the full cross of its trees, so a tree of
 * every commune of France would make tables of tens of thousands of empty cells.
 * @module
 */
import type { HierarchyNode } from './hierarchy-types.ts'

/**
 * Keeps the root, every code of `usedCodes` and all their ancestors, in the order of `rows`;
 * with `depthLevel`, drops the nodes below that level (a used code below it is represented by
 * its ancestor at that level). Codes not in the tree are ignored: the privacy library reports
 * a cell with such a code as `table/unknown-code`. The level name is one of the dimension's
 * levels in catalogue.ts (checked by `loadDefinitions`).
 *
 * @example
 * restrictHierarchy(territoire, ['C01053'], 'departement').map((n) => n.code) // ['_T', 'R84', 'D01']
 */
export function restrictHierarchy(
  rows: readonly HierarchyNode[],
  usedCodes: Iterable<string>,
  depthLevel?: string,
): HierarchyNode[] {
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const keep = new Set<string>()
  for (const code of usedCodes) {
    let node = byCode.get(code)
    while (node && !keep.has(node.code)) {
      keep.add(node.code)
      node = byCode.get(node.parent)
    }
  }
  const belowCut = (node: HierarchyNode): boolean => {
    for (let up = byCode.get(node.parent); up; up = byCode.get(up.parent)) {
      if (up.level === depthLevel) return true
    }
    return false
  }
  return rows.filter(
    (r) => (r.parent === '' || keep.has(r.code)) && !(depthLevel !== undefined && belowCut(r)),
  )
}
