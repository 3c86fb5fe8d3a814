/**
 * Published row order: each dimension in its hierarchy's depth-first order (a parent, then its
 * children in the order the hierarchy lists them), the first dimension varying slowest.
 * @module
 */

/** Codes of `code,parent` rows in depth-first order from the roots; codes never reached are left out. */
export function depthFirst<T extends { readonly code: string; readonly parent: string }>(
  rows: readonly T[],
): T[] {
  const children = new Map<string, T[]>()
  for (const row of rows) {
    const list = children.get(row.parent)
    if (list) list.push(row)
    else children.set(row.parent, [row])
  }
  const out: T[] = []
  const seen = new Set<string>()
  // An explicit stack: a hierarchy of tens of thousands of communes must not hit the call stack limit.
  const stack = [...(children.get('') ?? [])].reverse()
  while (stack.length > 0) {
    const row = stack.pop()!
    if (seen.has(row.code)) continue
    seen.add(row.code)
    out.push(row)
    stack.push(...[...(children.get(row.code) ?? [])].reverse())
  }
  return out
}

/** Sorts rows by the rank of each of their codes (one rank map per dimension, in dimension order). */
export function sortByRanks<T extends { readonly codes: readonly string[] }>(
  rows: readonly T[],
  ranks: readonly ReadonlyMap<string, number>[],
): T[] {
  const keyed = rows.map((row) => ({
    row,
    key: row.codes.map((c, i) => ranks[i]?.get(c) ?? Number.MAX_SAFE_INTEGER),
  }))
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = a.key[i]! - b.key[i]!
      if (d !== 0) return d
    }
    return 0
  })
  return keyed.map((k) => k.row)
}

/** Rank of every code in depth-first order. */
export function ranksOf(
  rows: readonly { readonly code: string; readonly parent: string }[],
): Map<string, number> {
  return new Map(depthFirst(rows).map((row, i) => [row.code, i]))
}
