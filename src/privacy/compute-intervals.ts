/**
 * The attacker's linear program (PRIVACY.md §4): for each suppressed cell, the smallest and largest
 * value it can take given every published cell of every linked table and every additive relation.
 * Published cells are constants, so only the relations that touch suppressed cells enter the LP,
 * split into independent components; a relation left with one unknown fixes it outright.
 * @module
 */
import type { CellSystem } from './link-tables.ts'
import { createModel, loadSolver } from './load-solver.ts'

/** The attacker's feasibility interval of a cell. */
export interface Interval {
  readonly low: number
  readonly up: number
}

/** What the attacker sees. */
export interface AttackInput {
  readonly system: CellSystem
  /** Per cell: 1 when suppressed. */
  readonly suppressed: Uint8Array
  /** Cell values; only published (and `known`) cells are read. */
  readonly values: Float64Array
  /** Cells to bound; default: every suppressed cell. */
  readonly targets?: readonly number[]
  /** Suppressed cells the attacker nevertheless knows (a singleton's own member). */
  readonly known?: readonly number[]
  /**
   * Per cell, the least value the attacker knows it holds (PrimaryMarks.floor: 1 for a primary
   * shown as such); 0 everywhere when absent, counts being never negative.
   */
  readonly floor?: ArrayLike<number>
  /**
   * Stops the solves: checked between two of them, the computation then rejects with the signal's
   * reason. The event loop is given a turn every {@link YIELD_MS} so that a signal handler can
   * abort it at all: the solves are synchronous, and an audit runs for minutes.
   */
  readonly signal?: AbortSignal
  /** Told now and then how many targets have their interval, of how many. */
  readonly onProgress?: (done: number, total: number) => void
  /** Milliseconds of solves between two turns of the event loop; {@link YIELD_MS} by default. */
  readonly yieldMs?: number
}

/** How long the solves run before the event loop gets a turn (signals, progress output). */
export const YIELD_MS = 200

/** Solves the attacker LP and returns [low, up] for every target cell. */
export async function computeIntervals(input: AttackInput): Promise<Map<number, Interval>> {
  const { system, suppressed } = input
  const value = Float64Array.from(input.values)
  const unknown = Uint8Array.from(suppressed)
  for (const k of input.known ?? []) unknown[k] = 0
  propagate(system, unknown, value)
  const targets = input.targets ?? range(system.size).filter((c) => suppressed[c] === 1)
  const out = new Map<number, Interval>()
  const components = new Map<number, number[]>()
  const root = unionFind(system, unknown)
  for (const t of targets) {
    if (unknown[t] === 0) {
      out.set(t, { low: value[t]!, up: value[t]! })
      continue
    }
    const r = root(t)
    const list = components.get(r) ?? []
    list.push(t)
    components.set(r, list)
  }
  if (components.size === 0) return out
  input.signal?.throwIfAborted()
  const highs = await loadSolver()
  // Each target is visited twice (its minimum, then its maximum); those fixed already count whole.
  let visits = 2 * out.size
  let turn = performance.now()
  // Between two solves: a turn of the event loop now and then, where an abort is noticed.
  const pause = async () => {
    visits++
    if (performance.now() - turn < (input.yieldMs ?? YIELD_MS)) return
    await new Promise((resume) => setImmediate(resume))
    input.signal?.throwIfAborted()
    input.onProgress?.(Math.floor(visits / 2), targets.length)
    turn = performance.now()
  }
  const byRoot = new Map<number, number[]>()
  for (let c = 0; c < system.size; c++) {
    if (unknown[c] === 0) continue
    const r = root(c)
    if (!components.has(r)) continue
    const list = byRoot.get(r) ?? []
    list.push(c)
    byRoot.set(r, list)
  }
  for (const [r, cells] of [...components].sort((a, b) => a[0] - b[0])) {
    const members = byRoot.get(r)!
    const lp = attackerLp(system, members, unknown, value, input.floor)
    // Every solution is a feasible point of the attacker LP: a target seen at a bound that every
    // feasible point meets (propagated relation by relation) needs no solve there.
    const seenLow = new Float64Array(members.length).fill(Infinity)
    const seenUp = new Float64Array(members.length).fill(-Infinity)
    const harvest = (x: ArrayLike<number>) => {
      for (let i = 0; i < members.length; i++) {
        const v = x[i]!
        if (v < seenLow[i]!) seenLow[i] = v
        if (v > seenUp[i]!) seenUp[i] = v
      }
    }
    const model = createModel(highs, lp.lp)
    // Re-solved with only the objective changed: the basis stays primal feasible.
    model.options.set({ simplex_strategy: 4 })
    try {
      let previous = -1
      const solve = (col: number, sign: 1 | -1): number => {
        if (previous >= 0 && previous !== col) model.changeColCost(previous, 0)
        previous = col
        model.changeColCost(col, sign)
        model.run()
        harvest(model.getSolution().colValue)
        return sign * model.getObjectiveValue()
      }
      // All minima, then all maxima: consecutive solves of one sense start near their optimum.
      const box = propagateBounds(system, members, lp.column, unknown, value, lp.lp.colLower)
      const bounds = cells.map((target) => {
        const col = lp.column.get(target)!
        return { low: box.low[col]!, up: box.up[col]! }
      })
      const lows: number[] = []
      for (const [i, target] of cells.entries()) {
        const col = lp.column.get(target)!
        lows.push(seenLow[col]! <= bounds[i]!.low + BOUND_TOLERANCE ? bounds[i]!.low : solve(col, 1))
        await pause()
      }
      for (const [i, target] of cells.entries()) {
        const col = lp.column.get(target)!
        const up = seenUp[col]! >= bounds[i]!.up - BOUND_TOLERANCE ? bounds[i]!.up : solve(col, -1)
        out.set(target, { low: clean(lows[i]!), up: clean(up) })
        await pause()
      }
    } finally {
      model.dispose()
    }
  }
  return out
}

const BOUND_TOLERANCE = 1e-7
const PROPAGATION_SWEEPS = 30

/**
 * Bounds every feasible point meets, for each cell of a component: [floor, upper] tightened relation
 * by relation (each unknown between the relation's constant and the others' bounds) until stable.
 */
function propagateBounds(
  system: CellSystem,
  members: readonly number[],
  column: ReadonlyMap<number, number>,
  unknown: Uint8Array,
  value: Float64Array,
  floor: Float64Array,
) {
  const { relStart, relCells, cellRelStart, cellRels } = system
  const low = Float64Array.from(floor)
  const up = Float64Array.from(floor, (f) => Math.max(system.upper, f))
  const rows = new Set<number>()
  for (const c of members)
    for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) rows.add(cellRels[k]!)
  // Each relation as Σ sign·x = rhs over its unknown cells.
  const relations = [...rows]
    .sort((a, b) => a - b)
    .map((r) => {
      const cols: number[] = []
      const signs: number[] = []
      let rhs = 0
      for (let k = relStart[r]!; k < relStart[r + 1]!; k++) {
        const c = relCells[k]!
        const sign = k === relStart[r] ? 1 : -1
        if (unknown[c] === 1) {
          cols.push(column.get(c)!)
          signs.push(sign)
        } else rhs -= sign * value[c]!
      }
      return { cols, signs, rhs }
    })
  for (let sweep = 0, changed = true; changed && sweep < PROPAGATION_SWEEPS; sweep++) {
    changed = false
    for (const { cols, signs, rhs } of relations) {
      // Range of Σ sign·x over all unknowns.
      let min = 0
      let max = 0
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i]!
        if (signs[i]! > 0) {
          min += low[c]!
          max += up[c]!
        } else {
          min -= up[c]!
          max -= low[c]!
        }
      }
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i]!
        // sign·x_c = rhs − (Σ others), others in [min − own, max − own].
        const ownMin = signs[i]! > 0 ? low[c]! : -up[c]!
        const ownMax = signs[i]! > 0 ? up[c]! : -low[c]!
        const from = rhs - (max - ownMax)
        const to = rhs - (min - ownMin)
        const lo = signs[i]! > 0 ? from : -to
        const hi = signs[i]! > 0 ? to : -from
        if (lo > low[c]! + 1e-9) {
          low[c] = lo
          changed = true
        }
        if (hi < up[c]! - 1e-9) {
          up[c] = hi
          changed = true
        }
      }
    }
  }
  return { low, up }
}

function clean(x: number): number {
  const r = Math.round(x)
  return Math.abs(x - r) < 1e-6 ? r : x
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

/** Fixes every unknown cell that a relation with a single unknown determines, until none is left. */
function propagate(system: CellSystem, unknown: Uint8Array, value: Float64Array): void {
  const { relStart, relCells, cellRelStart, cellRels } = system
  const relations = relStart.length - 1
  const open = new Int32Array(relations)
  const queue: number[] = []
  for (let r = 0; r < relations; r++) {
    for (let k = relStart[r]!; k < relStart[r + 1]!; k++) open[r]! += unknown[relCells[k]!]!
    if (open[r] === 1) queue.push(r)
  }
  while (queue.length > 0) {
    const r = queue.pop()!
    if (open[r] !== 1) continue
    let cell = -1
    let rest = 0
    for (let k = relStart[r]!; k < relStart[r + 1]!; k++) {
      const c = relCells[k]!
      const sign = k === relStart[r] ? 1 : -1
      if (unknown[c] === 1) cell = k
      else rest += sign * value[c]!
    }
    const c = relCells[cell]!
    value[c] = cell === relStart[r] ? -rest : rest
    unknown[c] = 0
    for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) {
      const s = cellRels[k]!
      open[s]!--
      if (open[s] === 1) queue.push(s)
    }
  }
}

/** Components of unknown cells linked by relations holding at least two of them. */
function unionFind(system: CellSystem, unknown: Uint8Array): (c: number) => number {
  const parent = new Int32Array(system.size).map((_, i) => i)
  const find = (c: number): number => {
    let x = c
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  const { relStart, relCells } = system
  for (let r = 0; r + 1 < relStart.length; r++) {
    let first = -1
    for (let k = relStart[r]!; k < relStart[r + 1]!; k++) {
      const c = relCells[k]!
      if (unknown[c] === 0) continue
      if (first < 0) first = find(c)
      else {
        const other = find(c)
        if (other !== first) parent[Math.max(other, first)] = Math.min(other, first)
        first = find(first)
      }
    }
  }
  return find
}

/** The attacker LP of one component: unknown cells in [floor, upper], relations as equalities. */
function attackerLp(
  system: CellSystem,
  cells: readonly number[],
  unknown: Uint8Array,
  value: Float64Array,
  floor: ArrayLike<number> | undefined,
) {
  const column = new Map(cells.map((c, i) => [c, i]))
  const rows = new Set<number>()
  for (const c of cells) {
    for (let k = system.cellRelStart[c]!; k < system.cellRelStart[c + 1]!; k++) rows.add(system.cellRels[k]!)
  }
  const starts = [0]
  const indices: number[] = []
  const values: number[] = []
  const rhs: number[] = []
  for (const r of [...rows].sort((a, b) => a - b)) {
    let constant = 0
    for (let k = system.relStart[r]!; k < system.relStart[r + 1]!; k++) {
      const c = system.relCells[k]!
      const sign = k === system.relStart[r] ? 1 : -1
      if (unknown[c] === 1) {
        indices.push(column.get(c)!)
        values.push(sign)
      } else constant += sign * value[c]!
    }
    starts.push(indices.length)
    rhs.push(-constant)
  }
  const n = cells.length
  return {
    column,
    lp: {
      cost: new Float64Array(n),
      colLower: Float64Array.from(cells, (c) => floor?.[c] ?? 0),
      // A floor above the attacker's bound (a margin over many suppressed `A` children, the bound
      // being the largest published value) raises the bound: the LP stays feasible.
      colUpper: Float64Array.from(cells, (c) => Math.max(system.upper, floor?.[c] ?? 0)),
      rowLower: Float64Array.from(rhs),
      rowUpper: Float64Array.from(rhs),
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  }
}
