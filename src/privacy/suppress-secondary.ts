/**
 * Secondary suppression over a whole set of linked tables: every primary cell gets, in each
 * direction, a perturbation certificate (see find-perturbation.ts) whose cells are all suppressed,
 * so its interval against the attacker LP over all tables together covers its protection distance.
 * Primaries are taken largest protection need first; later ones reuse earlier suppressions. A final
 * pass publishes again every secondary cell that the certificates can do without, largest first.
 * @module
 */
import type { Highs } from 'highs'
import type { PrimaryMarks } from './apply-primary-rules.ts'
import { PUBLISHED, SECONDARY } from './apply-primary-rules.ts'
import { findPerturbation } from './find-perturbation.ts'
import type { CellSystem } from './link-tables.ts'
import { loadSolver } from './load-solver.ts'
import { ancestors, descendants, neighbourhood, tableLocations } from './neighbourhood.ts'

/** Options of secondary suppression. */
export interface SecondaryOptions {
  /** Treat singleton primaries as known to their member (PRIVACY.md §4–5). Default true. */
  readonly singletons?: boolean
}

/** The statuses after secondary suppression, and what it cost. */
export interface SecondaryResult {
  /** Per cell: 0 `V`, 1 `A`, 2 `B`, 3 `D`. */
  readonly status: Uint8Array
  /** Primary cells no suppression pattern can protect (e.g. a cell equal to its own margin). */
  readonly unprotectable: readonly number[]
  readonly lpSolved: number
}

const SUPPORT = 1e-7
/** Pruning re-checks certificates in the nearest neighbourhood only, which keeps it linear in the table size. */
const PRUNE_LEVEL = 1

interface State {
  readonly highs: Highs
  readonly system: CellSystem
  readonly marks: PrimaryMarks
  readonly status: Uint8Array
  readonly suppressed: Uint8Array
  readonly frozen: Uint8Array
  readonly locations: Int32Array[]
  /** Per primary, the cells its certificates move. */
  readonly certificates: Map<number, number[]>
  lpSolved: number
}

/** Chooses secondary cells so that every primary keeps its protection interval. */
export async function suppressSecondary(
  system: CellSystem,
  marks: PrimaryMarks,
  options: SecondaryOptions = {},
): Promise<SecondaryResult> {
  const status = Uint8Array.from(marks.status)
  const state: State = {
    highs: await loadSolver(),
    system,
    marks,
    status,
    suppressed: status.map((s) => (s === PUBLISHED ? 0 : 1)),
    frozen: options.singletons === false ? new Uint8Array(system.size) : Uint8Array.from(marks.singleton),
    locations: tableLocations(system),
    certificates: new Map(),
    lpSolved: 0,
  }
  const primaries = [...status.keys()]
    .filter((c) => status[c] !== PUBLISHED)
    .sort((a, b) => marks.distance[b]! - marks.distance[a]! || a - b)
  const unprotectable: number[] = []
  for (const cell of primaries) {
    const support = certify(state, cell, false)
    if (!support) {
      unprotectable.push(cell)
      continue
    }
    for (const c of support) {
      if (state.suppressed[c] === 0) {
        state.suppressed[c] = 1
        status[c] = SECONDARY
      }
    }
    state.certificates.set(cell, support)
  }
  prune(state)
  return { status, unprotectable, lpSolved: state.lpSolved }
}

/**
 * Finds up and down certificates for a cell, widening the neighbourhood until both exist; with
 * `onlySuppressed`, within the current pattern. Returns the cells they move, or undefined.
 */
function certify(
  state: State,
  cell: number,
  onlySuppressed: boolean,
  maxLevel = Infinity,
): number[] | undefined {
  const { system, marks, suppressed, frozen, highs } = state
  const amount = marks.distance[cell]!
  const support = new Set<number>([cell])
  let needUp = true
  let needDown = true
  // A singleton containing the cell is the cell's own member: no one else to protect from.
  // So is a singleton inside a cell of one person.
  const nested = ancestors(system, state.locations, cell)
  if (system.value[cell] === 1) nested.push(...descendants(system, state.locations, cell))
  const thawed = nested.filter((c) => frozen[c] === 1)
  for (const c of thawed) frozen[c] = 0
  try {
    return search()
  } finally {
    for (const c of thawed) frozen[c] = 1
  }
  function search(): number[] | undefined {
    const collect = (cells: readonly number[], y: Float64Array) => {
      cells.forEach((c, i) => {
        if (Math.abs(y[i]!) > SUPPORT) support.add(c)
      })
    }
    for (let level = 1; ; level++) {
      const { cells, complete } = neighbourhood(system, state.locations, cell, level)
      const problem = { system, cell, cells, suppressed, frozen, amount, onlySuppressed }
      if (needUp) {
        const y = findPerturbation(highs, { ...problem, direction: 1 })
        state.lpSolved++
        if (y) {
          collect(cells, y)
          needUp = false
          if (needDown && canFlip(system, cells, y)) needDown = false
        }
      }
      if (needDown) {
        const y = findPerturbation(highs, { ...problem, direction: -1 })
        state.lpSolved++
        if (y) {
          collect(cells, y)
          needDown = false
        }
      }
      if (!needUp && !needDown) return [...support].sort((a, b) => a - b)
      if (complete || level >= maxLevel) return undefined
    }
  }
}

/** Publishes again each secondary cell (most persons first) whose primaries stay certified without it. */
function prune(state: State): void {
  const { system, status, suppressed, certificates } = state
  const users = new Map<number, number[]>()
  for (const [primary, support] of certificates) {
    for (const c of support) if (status[c] === SECONDARY) users.set(c, [...(users.get(c) ?? []), primary])
  }
  const secondaries = [...users.keys()].sort((a, b) => system.value[b]! - system.value[a]! || a - b)
  for (const s of secondaries) {
    suppressed[s] = 0
    const renewed = new Map<number, number[]>()
    for (const primary of users.get(s) ?? []) {
      const support = certificates.get(primary)?.includes(s)
        ? certify(state, primary, true, PRUNE_LEVEL)
        : certificates.get(primary)
      if (!support) break
      renewed.set(primary, support)
    }
    if (renewed.size < (users.get(s) ?? []).length) {
      suppressed[s] = 1
      continue
    }
    status[s] = PUBLISHED
    for (const [primary, support] of renewed) {
      certificates.set(primary, support)
      for (const c of support)
        if (status[c] === SECONDARY) users.set(c, [...new Set([...(users.get(c) ?? []), primary])])
    }
  }
}

/** True when −y also keeps every cell within [0, upper], so one certificate serves both directions. */
function canFlip(system: CellSystem, cells: readonly number[], y: Float64Array): boolean {
  return cells.every((c, i) => {
    const v = system.value[c]!
    const moved = v - y[i]!
    return moved >= -SUPPORT && moved <= system.upper + SUPPORT
  })
}
