/**
 * Finds a cheap way to hide one primary cell: a change y of the table (all relations still add up,
 * no cell below the least value the attacker knows it holds nor above its bound, published cells untouched) that moves the cell by
 * its protection distance. Every cell y touches must be suppressed; then the table "value + y" is
 * one the attacker cannot rule out, which proves the cell's interval reaches that far. Already
 * suppressed cells cost almost nothing, others cost their persons (plus one, to count cells).
 * This is the LP heuristic of Fischetti & Salazar for cell suppression, on a neighbourhood.
 * @module
 */
import type { Highs } from 'highs'
import type { CellSystem } from './link-tables.ts'
import { solveOnce } from './load-solver.ts'

/** One perturbation problem. */
export interface PerturbationProblem {
  readonly system: CellSystem
  readonly cell: number
  /** +1: the cell goes up by `amount`; −1: down. */
  readonly direction: 1 | -1
  readonly amount: number
  /** Cells allowed to move (the neighbourhood); all others stay fixed. */
  readonly cells: readonly number[]
  readonly suppressed: Uint8Array
  /** Cells that must not move even though suppressed (singletons known to their member). */
  readonly frozen: Uint8Array
  /** Per cell, the least value the attacker knows it holds (PrimaryMarks.floor). */
  readonly floor: Float64Array
  /** Only suppressed cells may move: checks the current pattern instead of extending it. */
  readonly onlySuppressed?: boolean
}

/** Cost of moving an already-suppressed cell, per unit: small, so that the LP reuses them. */
const REUSE_COST = 1e-3

/** Scratch column map shared across calls (−1 = not a column), sized to the largest system seen. */
let scratch = new Int32Array(0)
/** Per relation, the call that last took it as a row (`stamp`), sized to the largest system seen. */
let rowStamp = new Int32Array(0)
let stamp = 0

/** The change of every neighbourhood cell (same order as `cells`), or undefined when none exists. */
export function findPerturbation(highs: Highs, problem: PerturbationProblem): Float64Array | undefined {
  const { system, cell, cells, suppressed, frozen } = problem
  if (scratch.length < system.size) scratch = new Int32Array(system.size).fill(-1)
  const free: number[] = []
  for (const c of cells) {
    const fixed = suppressed[c] === 0 && problem.onlySuppressed === true
    if (c === cell || (frozen[c] === 0 && !fixed)) {
      scratch[c] = free.length
      free.push(c)
    }
  }
  try {
    const lp = buildLp(problem, free)
    const x = solveOnce(highs, lp)
    if (!x) return undefined
    const y = new Float64Array(cells.length)
    cells.forEach((c, i) => {
      const k = scratch[c]!
      if (k >= 0) y[i] = x[2 * k]! - x[2 * k + 1]!
    })
    return y
  } finally {
    for (const c of free) scratch[c] = -1
  }
}

function buildLp(problem: PerturbationProblem, free: readonly number[]) {
  const { system, cell, suppressed, direction, amount, floor } = problem
  const n = free.length
  const cost = new Float64Array(2 * n)
  const colLower = new Float64Array(2 * n)
  const colUpper = new Float64Array(2 * n)
  free.forEach((c, k) => {
    const v = system.value[c]!
    const w = c === cell ? 0 : suppressed[c] === 1 ? REUSE_COST : v + 1
    cost[2 * k] = w
    cost[2 * k + 1] = w
    colUpper[2 * k] = Math.max(system.upper - v, 0)
    colUpper[2 * k + 1] = Math.max(v - floor[c]!, 0)
  })
  const own = scratch[cell]!
  const up = direction === 1 ? 2 * own : 2 * own + 1
  const down = direction === 1 ? 2 * own + 1 : 2 * own
  colLower[up] = amount
  colUpper[up] = amount
  colUpper[down] = 0
  // The relations touching a free cell, each once, in order (a stamp per relation instead of a Set:
  // this runs for every LP, on neighbourhoods of tens of thousands of cells).
  if (rowStamp.length < system.relStart.length) rowStamp = new Int32Array(system.relStart.length)
  stamp++
  let rowCount = 0
  let nonzeros = 0
  const found: number[] = []
  for (const c of free) {
    for (let k = system.cellRelStart[c]!; k < system.cellRelStart[c + 1]!; k++) {
      const r = system.cellRels[k]!
      if (rowStamp[r] === stamp) continue
      rowStamp[r] = stamp
      found.push(r)
      rowCount++
      for (let j = system.relStart[r]!; j < system.relStart[r + 1]!; j++)
        if (scratch[system.relCells[j]!]! >= 0) nonzeros += 2
    }
  }
  const rows = Int32Array.from(found).sort()
  const starts = new Int32Array(rowCount + 1)
  const indices = new Int32Array(nonzeros)
  const values = new Float64Array(nonzeros)
  let at = 0
  for (let i = 0; i < rowCount; i++) {
    const r = rows[i]!
    for (let k = system.relStart[r]!; k < system.relStart[r + 1]!; k++) {
      const col = scratch[system.relCells[k]!]!
      if (col < 0) continue
      const sign = k === system.relStart[r] ? 1 : -1
      indices[at] = 2 * col
      indices[at + 1] = 2 * col + 1
      values[at] = sign
      values[at + 1] = -sign
      at += 2
    }
    starts[i + 1] = at
  }
  return {
    cost,
    colLower,
    colUpper,
    rowLower: new Float64Array(rowCount),
    rowUpper: new Float64Array(rowCount),
    starts,
    indices,
    values,
  }
}
