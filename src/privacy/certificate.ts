/**
 * Perturbation certificates: a change y of every cell such that every relation of every linked
 * table still adds up, published cells do not move and every cell stays within [0, upper]. Then
 * value + y is a table the attacker cannot exclude, so a certificate that moves a primary cell by
 * its protection distance up, and one that moves it down, prove its interval on the whole set.
 * Checking one is exact and costs only the relations that touch it.
 * @module
 */
import type { CellSystem } from './link-tables.ts'
import { downwardDistance } from './primary-rules.ts'

/** A perturbation certificate: cells (sorted) and their change, up (cell + amount) and down. */
export interface Certificate {
  readonly cells: Int32Array
  readonly up: Float64Array
  readonly down: Float64Array
}

const TOLERANCE = 1e-6

/** Scratch change per cell, shared across calls, sized to the largest system seen. */
let scratch = new Float64Array(0)

/** True when a sparse change keeps every relation of the system that touches it. */
export function satisfiesRelations(
  system: CellSystem,
  cells: ArrayLike<number>,
  change: ArrayLike<number>,
): boolean {
  if (scratch.length < system.size) scratch = new Float64Array(system.size)
  const { relStart, relCells, cellRelStart, cellRels } = system
  for (let i = 0; i < cells.length; i++) scratch[cells[i]!] = change[i]!
  let ok = true
  try {
    for (let i = 0; i < cells.length && ok; i++) {
      const c = cells[i]!
      for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]! && ok; k++) {
        const r = cellRels[k]!
        let sum = scratch[relCells[relStart[r]!]!]!
        let scale = Math.abs(sum)
        for (let j = relStart[r]! + 1; j < relStart[r + 1]!; j++) {
          const y = scratch[relCells[j]!]!
          sum -= y
          scale += Math.abs(y)
        }
        if (Math.abs(sum) > 1e-7 * (1 + scale)) ok = false
      }
    }
  } finally {
    for (let i = 0; i < cells.length; i++) scratch[cells[i]!] = 0
  }
  return ok
}

/**
 * True when a certificate proves that `cell` can move by `amount` both ways in the published
 * pattern: only suppressed cells move (none of `known`), the cell moves by at least `amount` (down:
 * as far as its floor allows, downwardDistance), every cell stays in [floor, upper] (`floor`:
 * PrimaryMarks.floor, 0 for every cell when absent), every relation holds.
 */
export function verifyCertificate(
  system: CellSystem,
  suppressed: Uint8Array,
  cell: number,
  amount: number,
  certificate: Certificate,
  known?: ReadonlySet<number>,
  floor?: Float64Array,
): boolean {
  const { cells } = certificate
  let own = -1
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!
    if (c === cell) own = i
    const moves = certificate.up[i] !== 0 || certificate.down[i] !== 0
    if (!moves) continue
    if (suppressed[c] !== 1 || known?.has(c)) return false
    for (const y of [certificate.up[i]!, certificate.down[i]!]) {
      const moved = system.value[c]! + y
      if (moved < (floor?.[c] ?? 0) - TOLERANCE || moved > system.upper + TOLERANCE) return false
    }
  }
  if (own < 0) return false
  const downAmount = downwardDistance(amount, system.value[cell]!, floor?.[cell])
  if (certificate.up[own]! < amount - TOLERANCE || certificate.down[own]! > -downAmount + TOLERANCE)
    return false
  return (
    satisfiesRelations(system, cells, certificate.up) && satisfiesRelations(system, cells, certificate.down)
  )
}
