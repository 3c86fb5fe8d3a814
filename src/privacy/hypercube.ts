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

/** A line pattern in one dimension: codes and signs. */
interface Line {
  readonly codes: readonly number[]
  readonly signs: readonly number[]
}

/** Options per dimension, beyond which the search keeps only the cheapest by their own line. */
const MAX_LINES = 48
const INFEASIBLE = 1e12
/** Up to this many combinations of lines, the search tries them all. */
const EXHAUSTIVE = 256

const linesCache = new WeakMap<Hierarchy, Map<number, Line[]>>()

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
function linesOf(h: Hierarchy, code: number): Line[] {
  let perHierarchy = linesCache.get(h)
  if (!perHierarchy) {
    perHierarchy = new Map()
    linesCache.set(h, perHierarchy)
  }
  const cached = perHierarchy.get(code)
  if (cached) return cached
  const lines: Line[] = []
  const own = chainsDown(h, code)
  const up: number[] = []
  for (let a = code; h.parent[a]! >= 0 && lines.length < MAX_LINES; a = h.parent[a]!) {
    const parent = h.parent[a]!
    for (const sibling of h.children[parent]!) {
      if (sibling === a) continue
      for (const mine of own) {
        for (const theirs of chainsDown(h, sibling)) {
          const plus = [...up, ...mine]
          lines.push({ codes: [...plus, ...theirs], signs: [...plus.map(() => 1), ...theirs.map(() => -1)] })
          if (lines.length >= MAX_LINES) break
        }
        if (lines.length >= MAX_LINES) break
      }
    }
    up.push(parent)
  }
  const root: number[] = []
  for (let a = h.parent[code]!; a >= 0; a = h.parent[a]!) root.push(a)
  for (const mine of own.slice(0, MAX_LINES)) {
    const codes = [...root, ...mine]
    lines.push({ codes, signs: codes.map(() => 1) })
  }
  perHierarchy.set(code, lines)
  return lines
}

/** Cost of moving a cell by ±amount (≥ 1e12: not allowed). */
export type PatternCost = (cell: number) => number

/**
 * The cheapest hypercube certificate of `amount` around a cell, found by coordinate descent over
 * the line patterns of each dimension, in every table holding the cell; undefined when none passes.
 */
export function findPattern(
  system: CellSystem,
  locations: readonly Int32Array[],
  cell: number,
  amount: number,
  cost: PatternCost,
): { certificate: Certificate; cost: number } | undefined {
  let best: { certificate: Certificate; cost: number } | undefined
  for (let t = 0; t < system.tables.length; t++) {
    const local = locations[t]![cell]!
    if (local < 0) continue
    const found = searchTable(system, t, local, amount, cost)
    if (found && (!best || found.cost < best.cost)) best = found
  }
  return best
}

function searchTable(
  system: CellSystem,
  t: number,
  local: number,
  amount: number,
  cost: PatternCost,
): { certificate: Certificate; cost: number } | undefined {
  const table = system.tables[t]!
  const ids = system.cellIds[t]!
  const strides = table.strides
  const codes = codesOf(table, local)
  const dims = codes.length
  // Local index of the cell with dimension i's code removed.
  const options = codes.map((code, i) => {
    const rest = local - code * strides[i]!
    const lines = linesOf(table.hierarchies[i]!, code)
    // Order by the cost of the line through the cell alone, cheapest first.
    const scored = lines.map((line) => {
      let c = 0
      for (const k of line.codes) if (k !== code) c += cost(ids[rest + k * strides[i]!]!)
      return { line, c }
    })
    scored.sort((a, b) => a.c - b.c)
    return scored.map((s) => s.line)
  })
  if (options.some((o) => o.length === 0)) return undefined
  const choice = new Int32Array(dims)
  // Per dimension and line, the local-index offsets of its codes.
  const offsets = options.map((lines, i) =>
    lines.map((line) => Int32Array.from(line.codes, (k) => k * strides[i]!)),
  )
  const current0 = new Array<Int32Array>(dims)
  const position = new Int32Array(dims)
  const evaluate = (pick: Int32Array, bound = INFEASIBLE): number => {
    for (let i = 0; i < dims; i++) current0[i] = offsets[i]![pick[i]!]!
    position.fill(0)
    let total = 0
    for (;;) {
      let base = 0
      for (let i = 0; i < dims; i++) base += current0[i]![position[i]!]!
      total += cost(ids[base]!)
      if (total >= bound) return total
      let i = dims - 1
      for (; i >= 0; i--) {
        position[i]!++
        if (position[i]! < current0[i]!.length) break
        position[i] = 0
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
      change.push(sign * amount)
      return
    }
    const line = options[i]![choice[i]!]!
    line.codes.forEach((k, j) => {
      walk(i + 1, base + k * strides[i]!, sign * line.signs[j]!)
    })
  }
  walk(0, 0, 1)
  if (!satisfiesRelations(system, cells, change)) return undefined
  const order = cells.map((_, i) => i).sort((a, b) => cells[a]! - cells[b]!)
  const up = Float64Array.from(order, (i) => change[i]!)
  return {
    certificate: { cells: Int32Array.from(order, (i) => cells[i]!), up, down: up.map((x) => -x) },
    cost: current,
  }
}

/** Coordinate descent from the cheapest line of each dimension: one dimension at a time, its best line. */
function descend(
  choice: Int32Array,
  evaluate: (pick: Int32Array, bound?: number) => number,
  options: readonly (readonly Line[])[],
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
