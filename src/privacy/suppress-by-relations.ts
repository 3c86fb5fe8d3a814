/**
 * A simple baseline for comparison (benchmarks only): the "no lonely suppression" rule of hypercube-
 * style methods applied relation by relation: while some relation holds exactly one suppressed cell,
 * suppress its smallest other cell. It prevents the most direct recomputation only; the audit shows
 * what it misses.
 * @module
 */
import { PUBLISHED, SECONDARY } from './apply-primary-rules.ts'
import type { CellSystem } from './link-tables.ts'

/** Extends primary statuses with baseline secondary cells; returns the new statuses. */
export function suppressByRelations(system: CellSystem, primary: Uint8Array): Uint8Array {
  const status = Uint8Array.from(primary)
  const { relStart, relCells, cellRelStart, cellRels, value } = system
  const queue: number[] = []
  for (let r = 0; r + 1 < relStart.length; r++) queue.push(r)
  for (let head = 0; head < queue.length; head++) {
    const r = queue[head]!
    let count = 0
    let best = -1
    for (let k = relStart[r]!; k < relStart[r + 1]!; k++) {
      const c = relCells[k]!
      if (status[c] !== PUBLISHED) count++
      else if (value[c]! > 0 && (best < 0 || value[c]! < value[best]!)) best = c
    }
    if (count !== 1 || best < 0) continue
    status[best] = SECONDARY
    for (let k = cellRelStart[best]!; k < cellRelStart[best + 1]!; k++) queue.push(cellRels[k]!)
  }
  return status
}
