/**
 * The cells near a cell in every table that holds it: in each dimension, the whole subtree of its
 * ancestor `level` steps up. A perturbation that hides a cell usually stays inside such a block;
 * when it cannot, the caller widens the block one level at a time.
 * @module
 */
import type { Hierarchy } from './build-hierarchy.ts'
import { codesOf } from './build-table.ts'
import type { CellSystem } from './link-tables.ts'

/** Per hierarchy, the size of each code's subtree (codes are numbered depth-first, so a subtree is a range). */
const subtreeCache = new WeakMap<Hierarchy, Int32Array>()

function subtreeSizes(h: Hierarchy): Int32Array {
  let sizes = subtreeCache.get(h)
  if (!sizes) {
    sizes = new Int32Array(h.codes.length).fill(1)
    for (let c = h.codes.length - 1; c > 0; c--) sizes[h.parent[c]!]! += sizes[c]!
    subtreeCache.set(h, sizes)
  }
  return sizes
}

// The searches of several components of one system (suppress-secondary.ts) share one copy.
const locationCache = new WeakMap<CellSystem, readonly Int32Array[]>()

/** Where each cell sits in each table (−1 when absent), built once per system. */
export function tableLocations(system: CellSystem): readonly Int32Array[] {
  let found = locationCache.get(system)
  if (!found) {
    found = system.tables.map((_, t) => {
      const where = new Int32Array(system.size).fill(-1)
      system.cellIds[t]!.forEach((id, local) => {
        where[id] = local
      })
      return where
    })
    locationCache.set(system, found)
  }
  return found
}

/**
 * The neighbourhood of a cell at a widening level (1 = the subtree of each code's parent), and whether
 * that level already reaches the root in every dimension of every table.
 */
export function neighbourhood(
  system: CellSystem,
  locations: readonly Int32Array[],
  cell: number,
  level: number,
): { cells: number[]; complete: boolean } {
  const found = new Set<number>()
  let complete = true
  system.tables.forEach((table, t) => {
    const local = locations[t]![cell]!
    if (local < 0) return
    const codes = codesOf(table, local)
    const ranges = table.hierarchies.map((h, i) => {
      let top = codes[i]!
      for (let up = 0; up < level && top > 0; up++) top = h.parent[top]!
      if (top !== 0) complete = false
      return [top, top + subtreeSizes(h)[top]!] as const
    })
    const ids = system.cellIds[t]!
    const walk = (i: number, base: number) => {
      if (i === ranges.length) {
        found.add(ids[base]!)
        return
      }
      const [from, to] = ranges[i]!
      const stride = table.strides[i]!
      for (let c = from; c < to; c++) walk(i + 1, base + c * stride)
    }
    walk(0, 0)
  })
  return { cells: [...found].sort((a, b) => a - b), complete }
}

/**
 * The cells that contain a cell (every combination of its codes' ancestors, itself included), in
 * every table that holds it. A singleton among them is the same person as the cell's own member.
 */
export function ancestors(system: CellSystem, locations: readonly Int32Array[], cell: number): number[] {
  const found = new Set<number>()
  system.tables.forEach((table, t) => {
    const local = locations[t]![cell]!
    if (local < 0) return
    const chains = codesOf(table, local).map((code, i) => {
      const h = table.hierarchies[i]!
      const chain = [code]
      for (let c = code; c > 0; c = h.parent[c]!) chain.push(h.parent[c]!)
      return chain
    })
    const ids = system.cellIds[t]!
    const walk = (i: number, base: number) => {
      if (i === chains.length) {
        found.add(ids[base]!)
        return
      }
      for (const c of chains[i]!) walk(i + 1, base + c * table.strides[i]!)
    }
    walk(0, 0)
  })
  return [...found].sort((a, b) => a - b)
}

/** The cells a cell contains (every combination of its codes' subtrees, itself included). */
export function descendants(system: CellSystem, locations: readonly Int32Array[], cell: number): number[] {
  const found = new Set<number>()
  system.tables.forEach((table, t) => {
    const local = locations[t]![cell]!
    if (local < 0) return
    const ranges = codesOf(table, local).map((code, i) => [
      code,
      code + subtreeSizes(table.hierarchies[i]!)[code]!,
    ])
    const ids = system.cellIds[t]!
    const walk = (i: number, base: number) => {
      if (i === ranges.length) {
        found.add(ids[base]!)
        return
      }
      const [from, to] = ranges[i]!
      for (let c = from!; c < to!; c++) walk(i + 1, base + c * table.strides[i]!)
    }
    walk(0, 0)
  })
  return [...found].sort((a, b) => a - b)
}
