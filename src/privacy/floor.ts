/**
 * What the statuses alone tell an attacker: a cell shown `A` or `B` holds at least one unit (empty
 * cells are published as 0), so a margin holds at least as many units as its children shown so.
 * @module
 */
import type { CellSystem } from './link-tables.ts'

/**
 * Per cell, the least value the statuses tell (PrimaryMarks.floor): 1 for each cell `nonEmpty`
 * names (a primary shown as such), then, relation by relation, a parent at least the sum of its
 * children's floors, until nothing changes. Every table consistent with the statuses meets it, so
 * it is an implied bound of the attacker's LP, and the lowest value a protection can leave open.
 */
export function statusFloor(system: CellSystem, nonEmpty: (cell: number) => boolean): Float64Array {
  const floor = new Float64Array(system.size)
  for (let c = 0; c < system.size; c++) if (nonEmpty(c)) floor[c] = 1
  const { relStart, relCells } = system
  const relations = relStart.length - 1
  for (let changed = true; changed; ) {
    changed = false
    for (let r = 0; r < relations; r++) {
      let sum = 0
      for (let j = relStart[r]! + 1; j < relStart[r + 1]!; j++) sum += floor[relCells[j]!]!
      const parent = relCells[relStart[r]!]!
      if (sum > floor[parent]!) {
        floor[parent] = sum
        changed = true
      }
    }
  }
  return floor
}
