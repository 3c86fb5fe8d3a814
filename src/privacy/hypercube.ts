/**
 * Fast path of secondary suppression: hypercube patterns, found and certified without any LP.
 *
 * In each dimension of a table, a "line pattern" z is a ±1 vector over the codes that keeps every
 * relation of that hierarchy (a parent equals the sum of its children): either the cell's code and
 * one sibling with opposite signs, or the chain from the code up to the root; each code below
 * carries a chain down to a leaf. The product y = amount · z₁ ⊗ z₂ ⊗ … keeps every relation of the
 * table, because each relation runs along one dimension. When every cell y touches holds at least
 * `amount` persons, value ± y are two tables the attacker cannot exclude: a perturbation certificate
 * in both directions. The product is then checked against every relation of every linked table
 * that touches it (a common cell of another table may break it); the caller falls back to the LP
 * when no pattern passes.
 * @module
 */
import type { Hierarchy } from './build-hierarchy.ts'
import { codesOf } from './build-table.ts'
import { type Certificate, satisfiesRelations } from './certificate.ts'
import type { CellSystem } from './link-tables.ts'

/**
 * The line patterns through one code, packed: line j is `codes[start[j]]` … `codes[start[j + 1] − 1]`
 * with `signs` alike. Packed because the lines of every code of every table's hierarchies stay
 * cached for the whole run: a commune has a line per sibling commune, and as arrays of small
 * objects the lines of 34,000 codes took 7 GB of heap at 1 M dossiers, packed ~0.2 GB.
 */
export interface Lines {
  readonly codes: Int32Array
  readonly signs: Int8Array
  /** Offsets of the lines in `codes` and `signs`, one more than there are lines. */
  readonly start: Int32Array
}

/** Options per dimension, beyond which the search keeps only the cheapest by their own line. */
const MAX_LINES = 48
const INFEASIBLE = 1e12
/** Up to this many combinations of lines, the search tries them all. */
const EXHAUSTIVE = 256

const linesCache = new WeakMap<Hierarchy, Map<number, Lines>>()

/** Every chain from a code down to a leaf (the code first), at most `MAX_LINES`. */
function chainsDown(h: Hierarchy, code: number): number[][] {
  const kids = h.children[code]!
  if (kids.length === 0) return [[code]]
  const out: number[][] = []
  for (const k of kids) {
    for (const chain of chainsDown(h, k)) {
      out.push([code, ...chain])
      if (out.length >= MAX_LINES) return out
    }
  }
  return out
}

/**
 * The line patterns through a code, with the code's sign +1: for the code or any ancestor `a` of it,
 * the chain from the code up to `a` against a sibling of `a` (each with a chain down to a leaf);
 * last, the chain from the code up to the root.
 */
export function linesOf(h: Hierarchy, code: number): Lines {
  let perHierarchy = linesCache.get(h)
  if (!perHierarchy) {
    perHierarchy = new Map()
    linesCache.set(h, perHierarchy)
  }
  const cached = perHierarchy.get(code)
  if (cached) return cached
  const codes: number[] = []
  const signs: number[] = []
  const start = [0]
  const push = (plus: readonly number[], minus: readonly number[]) => {
    codes.push(...plus, ...minus)
    for (const _ of plus) signs.push(1)
    for (const _ of minus) signs.push(-1)
    start.push(codes.length)
  }
  const own = chainsDown(h, code)
  const up: number[] = []
  for (let a = code; h.parent[a]! >= 0 && start.length - 1 < MAX_LINES; a = h.parent[a]!) {
    const parent = h.parent[a]!
    for (const sibling of h.children[parent]!) {
      if (sibling === a) continue
      for (const mine of own) {
        for (const theirs of chainsDown(h, sibling)) {
          push([...up, ...mine], theirs)
          if (start.length - 1 >= MAX_LINES) break
        }
        if (start.length - 1 >= MAX_LINES) break
      }
    }
    up.push(parent)
  }
  const root: number[] = []
  for (let a = h.parent[code]!; a >= 0; a = h.parent[a]!) root.push(a)
  for (const mine of own.slice(0, MAX_LINES)) push([...root, ...mine], [])
  const lines = { codes: Int32Array.from(codes), signs: Int8Array.from(signs), start: Int32Array.from(start) }
  perHierarchy.set(code, lines)
  return lines
}

/**
 * Cost of moving a cell by `move` (signed: up or down, as the pattern moves it); ≥ 1e12: not
 * allowed. Signed because the statuses' floors (PrimaryMarks.floor) bound a cell going down, not up.
 */
export type PatternCost = (cell: number, move: number) => number

/** A pattern cost that forbids a cell (`INFEASIBLE`) when its move takes it past its bound. */
export const PATTERN_INFEASIBLE = INFEASIBLE

/**
 * The pattern cost of moving cells around `cell`: a cell moved out of [floor, the system's bound]
 * is not allowed, `cell` itself costs nothing, any other cell what `other` says. The search and the
 * audit share it, so that they read the bounds alike.
 */
export function boundedCost(
  system: CellSystem,
  floor: Float64Array,
  cell: number,
  other: (c: number) => number,
): PatternCost {
  const { value, upper } = system
  return (c, move) => {
    const moved = value[c]! + move
    if (moved > upper + 1e-7 || moved < floor[c]! - 1e-7) return INFEASIBLE
    return c === cell ? 0 : other(c)
  }
}

/** A change of the system found by the hypercube search: sorted cells and their moves. */
interface PatternChange {
  readonly cells: Int32Array
  readonly change: Float64Array
  readonly cost: number
}

/**
 * The cheapest hypercube certificate around a cell that moves it up by `amount` and down by
 * `downAmount` (default `amount`; less for a cell whose floor is nearer, downwardDistance), found
 * by coordinate descent over the line patterns of each dimension, in every table holding the cell;
 * undefined when none passes. First one pattern used both ways (the down change its up change,
 * scaled), each of its cells able to move by `amount` either way. Where it suppresses new cells or
 * none exists, an up and a down pattern sought apart, the down one reusing the up one's cells, are
 * taken when they suppress nothing new: the floors (PrimaryMarks.floor) often forbid a cell going
 * down what it could go up, so that half of a pattern's cells make it fail both ways while only
 * one direction needs them to hold. Apart patterns that suppress new cells are not offered: on the
 * demo's tables they suppressed 4–10 % more cells than the LP the caller tries instead.
 */
export function findPattern(
  system: CellSystem,
  locations: readonly Int32Array[],
  cell: number,
  amount: number,
  cost: PatternCost,
  downAmount = amount,
): { certificate: Certificate; cost: number } | undefined {
  const scale = downAmount / amount
  const both = cheapestChange(system, locations, cell, amount, (c, move) =>
    Math.max(cost(c, move), cost(c, c === cell ? -downAmount : -move)),
  )
  if (both && both.cost < 1) return symmetric(both, scale)
  const free = (found: PatternChange | undefined) => found !== undefined && found.cost < 1
  const up = cheapestChange(system, locations, cell, amount, cost)
  if (!free(up)) return both && symmetric(both, scale)
  const inUp = new Set(up!.cells)
  const down =
    downAmount > 0
      ? cheapestChange(system, locations, cell, -downAmount, (c, move) => {
          const x = cost(c, move)
          return x < INFEASIBLE && inUp.has(c) ? 0 : x
        })
      : { cells: new Int32Array(0), change: new Float64Array(0), cost: 0 }
  if (!free(down) || up!.cost + down!.cost >= 1) return both && symmetric(both, scale)
  const cells = Int32Array.from(new Set([...up!.cells, ...down!.cells])).sort()
  const moves = (found: PatternChange) => {
    const byCell = new Map<number, number>(Array.from(found.cells, (c, i) => [c, found.change[i]!]))
    return Float64Array.from(cells, (c) => byCell.get(c) ?? 0)
  }
  return { certificate: { cells, up: moves(up!), down: moves(down!) }, cost: up!.cost + down!.cost }
}

function symmetric(found: PatternChange, scale: number): { certificate: Certificate; cost: number } {
  const { cells, change, cost } = found
  return { certificate: { cells, up: change, down: change.map((x) => -x * scale) }, cost }
}

/** The cheapest hypercube change that moves the cell by `move`, over every table holding it. */
function cheapestChange(
  system: CellSystem,
  locations: readonly Int32Array[],
  cell: number,
  move: number,
  cost: PatternCost,
): PatternChange | undefined {
  let best: PatternChange | undefined
  for (let t = 0; t < system.tables.length; t++) {
    const local = locations[t]![cell]!
    if (local < 0) continue
    const found = searchTable(system, t, local, move, cost)
    if (found && (!best || found.cost < best.cost)) best = found
  }
  return best
}

function searchTable(
  system: CellSystem,
  t: number,
  local: number,
  move: number,
  cost: PatternCost,
): PatternChange | undefined {
  const table = system.tables[t]!
  const ids = system.cellIds[t]!
  const strides = table.strides
  const codes = codesOf(table, local)
  const dims = codes.length
  const sets = codes.map((code, i) => linesOf(table.hierarchies[i]!, code))
  // Per dimension, its lines ordered by the cost of the line through the cell alone, cheapest
  // first (ties in line order). The cell's code is + in each of its lines, so a code's sign in its
  // line is the sign of that cell's move.
  const options = codes.map((code, i) => {
    // Local index of the cell with dimension i's code removed.
    const rest = local - code * strides[i]!
    const { codes: lineCodes, signs, start } = sets[i]!
    const count = start.length - 1
    const score = new Float64Array(count)
    for (let j = 0; j < count; j++) {
      let c = 0
      for (let k = start[j]!; k < start[j + 1]!; k++) {
        const x = lineCodes[k]!
        if (x !== code) c += cost(ids[rest + x * strides[i]!]!, signs[k]! * move)
      }
      score[j] = c
    }
    return Int32Array.from(score.keys()).sort((x, y) => score[x]! - score[y]! || x - y)
  })
  if (options.some((o) => o.length === 0)) return undefined
  const choice = new Int32Array(dims)
  // Per dimension, the local-index offset of every code of every line.
  const offsets = sets.map((set, i) => set.codes.map((k) => k * strides[i]!))
  const from = new Int32Array(dims)
  const to = new Int32Array(dims)
  const position = new Int32Array(dims)
  const evaluate = (pick: Int32Array, bound = INFEASIBLE): number => {
    for (let i = 0; i < dims; i++) {
      const j = options[i]![pick[i]!]!
      from[i] = sets[i]!.start[j]!
      to[i] = sets[i]!.start[j + 1]!
      position[i] = from[i]!
    }
    let total = 0
    for (;;) {
      let base = 0
      let sign = move
      for (let i = 0; i < dims; i++) {
        base += offsets[i]![position[i]!]!
        sign *= sets[i]!.signs[position[i]!]!
      }
      total += cost(ids[base]!, sign)
      if (total >= bound) return total
      let i = dims - 1
      for (; i >= 0; i--) {
        position[i]!++
        if (position[i]! < to[i]!) break
        position[i] = from[i]!
      }
      if (i < 0) return total
    }
  }
  // Every combination of the cheapest lines of each dimension (as many as EXHAUSTIVE allows, in
  // lexicographic order so that ties keep the first), then coordinate descent over all lines.
  const widths = options.map(() => 1)
  for (let grown = true; grown; ) {
    grown = false
    for (let i = 0; i < dims; i++) {
      const product = widths.reduce((p, w) => p * w, 1)
      if (widths[i]! < options[i]!.length && (product / widths[i]!) * (widths[i]! + 1) <= EXHAUSTIVE) {
        widths[i]!++
        grown = true
      }
    }
  }
  const combinations = widths.reduce((p, w) => p * w, 1)
  const pick = new Int32Array(dims)
  let current = Infinity
  for (let n = 0; n < combinations; n++) {
    let rest = n
    for (let i = dims - 1; i >= 0; i--) {
      pick[i] = rest % widths[i]!
      rest = Math.floor(rest / widths[i]!)
    }
    const c = evaluate(pick, current)
    if (c < current - 1e-9) {
      current = c
      choice.set(pick)
    }
  }
  if (combinations < options.reduce((p, o) => p * o.length, 1)) current = descend(choice, evaluate, options)
  if (current >= INFEASIBLE) return undefined
  // Build the change and check it against every relation that touches it, in every table.
  const cells: number[] = []
  const change: number[] = []
  const walk = (i: number, base: number, sign: number): void => {
    if (i === dims) {
      cells.push(ids[base]!)
      change.push(sign * move)
      return
    }
    const { codes: lineCodes, signs, start } = sets[i]!
    const j = options[i]![choice[i]!]!
    for (let k = start[j]!; k < start[j + 1]!; k++)
      walk(i + 1, base + lineCodes[k]! * strides[i]!, sign * signs[k]!)
  }
  walk(0, 0, 1)
  if (!satisfiesRelations(system, cells, change)) return undefined
  const order = cells.map((_, i) => i).sort((a, b) => cells[a]! - cells[b]!)
  return {
    cells: Int32Array.from(order, (i) => cells[i]!),
    change: Float64Array.from(order, (i) => change[i]!),
    cost: current,
  }
}

/** Coordinate descent from the cheapest line of each dimension: one dimension at a time, its best line. */
function descend(
  choice: Int32Array,
  evaluate: (pick: Int32Array, bound?: number) => number,
  options: readonly Int32Array[],
): number {
  let current = evaluate(choice)
  for (let pass = 0; pass < 4; pass++) {
    let improved = false
    for (let i = 0; i < choice.length; i++) {
      const keep = choice[i]!
      let bestIndex = keep
      for (let o = 0; o < options[i]!.length; o++) {
        if (o === keep) continue
        choice[i] = o
        const c = evaluate(choice, current)
        if (c < current - 1e-9) {
          current = c
          bestIndex = o
          improved = true
        }
      }
      choice[i] = bestIndex
    }
    if (!improved) break
  }
  return current
}
