/**
 * Connected components of a cell system: cells joined by relations, across linked tables. A
 * perturbation never leaves the component of its cell, so components are protected apart (and may
 * be protected on different threads: see suppress-secondary.ts).
 * @module
 */
import type { CellSystem } from './link-tables.ts'

/** Per cell its component, and per component its cells (ascending). */
export interface Components {
  readonly component: Int32Array
  readonly members: readonly (readonly number[])[]
}

const cache = new WeakMap<CellSystem, Components>()

/** The components of a system, numbered by their first cell (computed once per system object). */
export function componentsOf(system: CellSystem): Components {
  let found = cache.get(system)
  if (!found) {
    found = compute(system)
    cache.set(system, found)
  }
  return found
}

/** The names of the tables holding cells of component `id`, in the system's order. */
export function componentTables(system: CellSystem, id: number): string[] {
  const { component } = componentsOf(system)
  return system.tables.flatMap((table, t) =>
    system.cellIds[t]!.some((cell) => component[cell] === id) ? [table.name] : [],
  )
}

function compute(system: CellSystem): Components {
  const root = Int32Array.from({ length: system.size }, (_, i) => i)
  const find = (c: number): number => {
    let r = c
    while (root[r] !== r) r = root[r]!
    while (root[c] !== r) {
      const next = root[c]!
      root[c] = r
      c = next
    }
    return r
  }
  const { relStart, relCells } = system
  for (let r = 0; r + 1 < relStart.length; r++) {
    const head = find(relCells[relStart[r]!]!)
    for (let j = relStart[r]! + 1; j < relStart[r + 1]!; j++) {
      const other = find(relCells[j]!)
      if (other !== head) root[other] = head
    }
  }
  const component = new Int32Array(system.size)
  const index = new Map<number, number>()
  const members: number[][] = []
  for (let c = 0; c < system.size; c++) {
    const r = find(c)
    let k = index.get(r)
    if (k === undefined) {
      k = members.length
      index.set(r, k)
      members.push([])
    }
    component[c] = k
    members[k]!.push(c)
  }
  return { component, members }
}
