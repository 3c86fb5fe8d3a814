/**
 * Turns `code,parent` rows into a checked tree (one root, no cycle, no unknown parent).
 * @module
 */
import type { HierarchyRow, Issue, Result } from './types.ts'

/** A dimension's tree. Codes are numbered in depth-first order from the root (index 0). */
export interface Hierarchy {
  readonly dimension: string
  readonly codes: readonly string[]
  readonly index: ReadonlyMap<string, number>
  /** Parent index, −1 for the root. */
  readonly parent: readonly number[]
  readonly children: readonly (readonly number[])[]
  readonly depth: readonly number[]
}

/** The root code of a dimension given without a hierarchy. */
export const FLAT_ROOT = 'Total'

/** Builds a one-level hierarchy `Total → codes` for a dimension given without a hierarchy file. */
export function flatHierarchy(dimension: string, leaves: readonly string[]): Hierarchy {
  const sorted = [...new Set(leaves)].filter((c) => c !== FLAT_ROOT).sort()
  const rows = [{ code: FLAT_ROOT, parent: '' }, ...sorted.map((code) => ({ code, parent: FLAT_ROOT }))]
  const built = buildHierarchy(dimension, rows, dimension)
  if (!built.ok) throw new Error(`flat hierarchy ${dimension}: ${built.issues[0]?.message}`)
  return built.value
}

/**
 * Checks and builds a hierarchy. Issues: `table/several-roots`, `table/no-root`,
 * `table/duplicate-code`, `table/unknown-code` (a parent not listed), `table/cycle`.
 */
export function buildHierarchy(
  dimension: string,
  rows: readonly HierarchyRow[],
  path: string,
): Result<Hierarchy> {
  const issues: Issue[] = []
  const parentOf = new Map<string, string>()
  const lineOf = new Map<string, number | undefined>()
  const roots: string[] = []
  for (const row of rows) {
    const at = { path, ...(row.line === undefined ? {} : { line: row.line }) }
    if (parentOf.has(row.code)) {
      issues.push({
        ...at,
        code: 'table/duplicate-code',
        message: `duplicate code in hierarchy ${dimension}: ${row.code}`,
      })
      continue
    }
    parentOf.set(row.code, row.parent)
    lineOf.set(row.code, row.line)
    if (row.parent === '') roots.push(row.code)
  }
  if (roots.length === 0)
    issues.push({ path, code: 'table/no-root', message: `hierarchy ${dimension} has no root` })
  if (roots.length > 1) {
    issues.push({
      path,
      code: 'table/several-roots',
      message: `hierarchy ${dimension} has several roots: ${roots.join(', ')}`,
    })
  }
  for (const [code, parent] of parentOf) {
    if (parent !== '' && !parentOf.has(parent)) {
      const line = lineOf.get(code)
      issues.push({
        path,
        ...(line === undefined ? {} : { line }),
        code: 'table/unknown-code',
        message: `unknown parent in hierarchy ${dimension}: ${parent}`,
      })
    }
  }
  if (issues.length > 0) return { ok: false, issues }
  const kids = new Map<string, string[]>()
  for (const [code, parent] of parentOf) {
    if (parent === '') continue
    const list = kids.get(parent) ?? []
    list.push(code)
    kids.set(parent, list)
  }
  // Depth-first numbering from the root; codes not reached sit on a cycle.
  const codes: string[] = []
  const parent: number[] = []
  const depth: number[] = []
  const stack: [string, number, number][] = [[roots[0]!, -1, 0]]
  while (stack.length > 0) {
    const [code, p, d] = stack.pop()!
    codes.push(code)
    parent.push(p)
    depth.push(d)
    const me = codes.length - 1
    const sorted = [...(kids.get(code) ?? [])].sort().reverse()
    for (const child of sorted) stack.push([child, me, d + 1])
  }
  if (codes.length < parentOf.size) {
    const reached = new Set(codes)
    const stuck = [...parentOf.keys()].filter((c) => !reached.has(c)).sort()
    const line = lineOf.get(stuck[0]!)
    return {
      ok: false,
      issues: [
        {
          path,
          ...(line === undefined ? {} : { line }),
          code: 'table/cycle',
          message: `cycle in hierarchy ${dimension}: ${stuck.join(' → ')}`,
        },
      ],
    }
  }
  const index = new Map(codes.map((c, i) => [c, i]))
  const children: number[][] = codes.map(() => [])
  parent.forEach((p, i) => {
    if (p >= 0) children[p]!.push(i)
  })
  return { ok: true, value: { dimension, codes, index, parent, children, depth }, issues: [] }
}

/** True when the code has no children. */
export function isLeaf(h: Hierarchy, code: number): boolean {
  return h.children[code]!.length === 0
}
