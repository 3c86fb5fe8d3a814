/**
 * sdcTable's `threshold` over a whole pattern (SecondaryOptions.threshold).
 * @module
 */
import { PUBLISHED, SECONDARY } from './apply-primary-rules.ts'
import type { CellSystem } from './link-tables.ts'

/**
 * Raises every relation's suppressed persons to `threshold`: in a relation with a suppressed cell,
 * its smallest published cells (non-empty ones first, never a `known` one) are suppressed until
 * the suppressed cells other than the margin hold that many persons or none is left. Changes
 * `status` in place; a cell suppressed here is checked again in each of its relations.
 */
export function applyThreshold(
  system: CellSystem,
  status: Uint8Array,
  threshold: number,
  known: Uint8Array,
): void {
  const { relStart, relCells, cellRelStart, cellRels, value } = system
  const queue: number[] = []
  for (let r = 0; r + 1 < relStart.length; r++) queue.push(r)
  for (let head = 0; head < queue.length; head++) {
    const r = queue[head]!
    let sum = 0
    let any = false
    const published: number[] = []
    for (let k = relStart[r]! + 1; k < relStart[r + 1]!; k++) {
      const c = relCells[k]!
      if (status[c] === PUBLISHED) {
        if (known[c] === 0) published.push(c)
      } else {
        any = true
        sum += value[c]!
      }
    }
    if (!any || sum >= threshold) continue
    published.sort(
      (a, b) => Number(value[a] === 0) - Number(value[b] === 0) || value[a]! - value[b]! || a - b,
    )
    for (const c of published) {
      if (sum >= threshold) break
      status[c] = SECONDARY
      sum += value[c]!
      for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) queue.push(cellRels[k]!)
    }
  }
}
