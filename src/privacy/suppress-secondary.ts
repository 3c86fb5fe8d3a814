/**
 * Secondary suppression over a whole set of linked tables: every primary cell gets, in each
 * direction, a perturbation certificate (certificate.ts) whose cells are all suppressed, so its
 * interval against the attacker LP over all tables together covers its protection distance. A
 * hypercube pattern (hypercube.ts) is tried first, the LP (find-perturbation.ts) where none exists
 * or, within a budget, where it may be cheaper. Primaries are taken largest protection need first;
 * later ones reuse earlier suppressions. A final pass publishes again every secondary cell that
 * the certificates can do without, largest first. The certificates are returned for the audit.
 * @module
 */
import type { Highs } from 'highs'
import type { PrimaryMarks } from './apply-primary-rules.ts'
import { PUBLISHED, SECONDARY } from './apply-primary-rules.ts'
import { applyThreshold } from './apply-threshold.ts'
import type { Certificate } from './certificate.ts'
import { componentsOf } from './components.ts'
import { findPerturbation } from './find-perturbation.ts'
import { boundedCost, findPattern } from './hypercube.ts'
import { type CellSystem, holdsAll } from './link-tables.ts'
import { loadSolver } from './load-solver.ts'
import { neighbourhood, tableLocations } from './neighbourhood.ts'
import { downwardDistance } from './primary-rules.ts'

/** Options of secondary suppression. */
export interface SecondaryOptions {
  /** Treat singleton primaries as known to their member (PRIVACY.md §4–5). Default true. */
  readonly singletons?: boolean
  /**
   * sdcTable's `threshold`: in every relation with a suppressed cell, the suppressed cells other than
   * the margin hold at least this many persons; else its smallest published cells are suppressed
   * (non-empty ones first) until they do or none is left.
   */
  readonly threshold?: number
  /**
   * Per cell, 1 when its value is already public (published by a release still online, and
   * unchanged): it stays published, as suppressing it now would hide nothing from an attacker who
   * kept the earlier file. Primary cells are never held so.
   */
  readonly known?: Uint8Array
  /**
   * Per cell, the measures whose value now a release online published: with `known`, what lets a
   * primary that hides only the measures of its rates be protected when its count is public.
   */
  readonly publicMeasures?: ReadonlyMap<number, ReadonlySet<string>>
  /**
   * Per cell, 1 when it must stay suppressed without a protection interval of its own: a secondary
   * cell of a release still online (publishing it now could reveal what it hid then).
   */
  readonly held?: Uint8Array
  /**
   * Runs the searches of the components that hold primary cells; by default one after the other
   * on this thread. A runner may spread them over threads (each calling `searchComponents`): the
   * components share no cell and each keeps its own budget, so the outcome is the same.
   */
  readonly runner?: SearchRunner
}

/** What the search of a component needs: plain data, so that it can be sent to a worker thread. */
export interface SearchJob {
  readonly system: CellSystem
  readonly marks: PrimaryMarks
  readonly singletons: boolean
  readonly known?: Uint8Array
  readonly publicMeasures?: ReadonlyMap<number, ReadonlySet<string>>
  readonly held?: Uint8Array
}

/** The outcome of the search of some components. */
export interface SearchOutcome {
  /** The cells of those components, and their statuses after the search. */
  readonly cells: Int32Array
  readonly status: Uint8Array
  readonly unprotectable: readonly number[]
  readonly certificates: ReadonlyMap<number, readonly Certificate[]>
  /** Primaries protected only against an attacker who ignores the statuses (SecondaryResult.relaxed). */
  readonly relaxed: readonly number[]
  readonly lpSolved: number
  readonly patterns: number
}

/**
 * Searches the components `ids` of `job.system` (largest first, with their cell counts), each by
 * one call of `searchComponents(job, [id])` or several ids per call, and gives every outcome.
 */
export type SearchRunner = (
  job: SearchJob,
  components: readonly { readonly id: number; readonly cells: number }[],
) => Promise<readonly SearchOutcome[]>

/** The statuses after secondary suppression, and what it cost. */
export interface SecondaryResult {
  /** Per cell: 0 `V`, 1 `A`, 2 `B`, 3 `D`. */
  readonly status: Uint8Array
  /** Primary cells no suppression pattern can protect (e.g. a cell equal to its own margin). */
  readonly unprotectable: readonly number[]
  /** Per protected primary, its up and down certificates (every cell they move is suppressed). */
  readonly certificates: ReadonlyMap<number, readonly Certificate[]>
  /**
   * Primaries that no pattern protects against an attacker who reads the statuses (PrimaryMarks.floor:
   * a cell shown `A` holds at least one unit, so a margin whose published children leave it to
   * its `A` children tells them), but one protects against the attacker of PRIVACY.md §4, who
   * knows every cell only to be at least 0: their certificates hold for the latter (the audit
   * checks them so), and the report names them.
   */
  readonly relaxed: readonly number[]
  readonly lpSolved: number
  /** Primaries certified by a hypercube pattern, without LP. */
  readonly patterns: number
}

const SUPPORT = 1e-7
/** Pruning re-checks certificates in the nearest neighbourhood only, which keeps it linear in the table size. */
const PRUNE_LEVEL = 1
/** The LP neighbourhood widens at most this many levels before taking the whole set at once. */
const MAX_LEVEL = 2
/** Pattern cost of a cell already suppressed: small, so that patterns reuse them. */
const REUSE = 1e-3
const INFEASIBLE = 1e12
/** Up to this many cells, the LP is also tried when the best pattern suppresses new cells. */
const LP_REFINE_CELLS = 1000
/**
 * On larger sets, the LP is tried against patterns that suppress new cells until this many LPs
 * were solved, shared among the components that hold primaries by their sizes (so that each
 * component's outcome depends on the job alone, not on the others' searches).
 */
const LP_REFINE_BUDGET = 300
/**
 * Per component, the LPs over the whole component tried under the statuses' floors (PrimaryMarks.floor)
 * before a primary they leave unprotected by its neighbourhoods goes straight to the reader of the
 * values alone: at least WHOLE_WITH_FLOORS, more on smaller components, as many as fit in
 * WHOLE_CELLS (LPs × cells). On the entries of a demo hub (111,000 cells) each such LP takes a
 * quarter of a second and finds a pattern for 15 primaries of 40; on its exits (25,000 cells),
 * 0.2 s and every time, so that a cap of 40 there left 41 primaries to the reader of the values.
 */
const WHOLE_WITH_FLOORS = 40
const WHOLE_CELLS = 40 * 111_000

interface State {
  readonly highs: Highs
  readonly system: CellSystem
  readonly marks: PrimaryMarks
  readonly status: Uint8Array
  readonly suppressed: Uint8Array
  /**
   * Per cell, how many reasons it has not to move: a value already public (SecondaryOptions.known,
   * for the whole run), a singleton known to someone the current cell is hidden from (meanwhile).
   */
  readonly frozen: Uint8Array
  /** Singleton cells (none when singletons are not protected). */
  readonly singleton: Uint8Array
  readonly locations: readonly Int32Array[]
  /** Per cell, its connected component (cells joined by relations, across linked tables). */
  readonly component: Int32Array
  /** Per component, its cells. */
  readonly members: readonly (readonly number[])[]
  /** Per component, the LPs solved for it (the refining budget is per component). */
  readonly componentLp: Int32Array
  /** Cells of the components holding primaries: the budget is shared among those by their sizes. */
  readonly searchedCells: number
  /** Per primary, its proof: certificates, one of which holds whatever singleton is known. */
  readonly certificates: Map<number, Certificate[]>
  /** Per cell, every certificate found so far that moves it (each still a valid change of the system). */
  readonly through: Map<number, Certificate[]>
  /**
   * The floors the certificates respect: the marks' (the statuses read), or none at all while a
   * primary those leave unprotectable is certified against the attacker who ignores statuses.
   */
  floor: Float64Array
  /** Per component, the LPs over it solved under the floors (WHOLE_WITH_FLOORS, WHOLE_CELLS). */
  readonly wholeWithFloors: Int32Array
  lpSolved: number
  patterns: number
}

/** Chooses secondary cells so that every primary keeps its protection interval. */
export async function suppressSecondary(
  system: CellSystem,
  marks: PrimaryMarks,
  options: SecondaryOptions = {},
): Promise<SecondaryResult> {
  const job: SearchJob = {
    system,
    marks,
    singletons: options.singletons !== false,
    ...(options.known ? { known: options.known } : {}),
    ...(options.publicMeasures ? { publicMeasures: options.publicMeasures } : {}),
    ...(options.held ? { held: options.held } : {}),
  }
  const status = initialStatus(job)
  const { members } = componentsOf(system)
  const todo = members
    .map((cells, id) => ({ id, cells: cells.length, primary: cells.some((c) => isPrimary(status[c]!)) }))
    .filter((c) => c.primary)
    .map(({ id, cells }) => ({ id, cells }))
    .sort((a, b) => b.cells - a.cells || a.id - b.id)
  const runner = options.runner ?? searchInTurn
  const outcomes = todo.length === 0 ? [] : await runner(job, todo)
  const certificates = new Map<number, readonly Certificate[]>()
  const unprotectable: number[] = []
  const relaxed: number[] = []
  let lpSolved = 0
  let patterns = 0
  for (const outcome of outcomes) {
    outcome.cells.forEach((c, i) => {
      status[c] = outcome.status[i]!
    })
    for (const [cell, proof] of outcome.certificates) certificates.set(cell, proof)
    unprotectable.push(...outcome.unprotectable)
    relaxed.push(...outcome.relaxed)
    lpSolved += outcome.lpSolved
    patterns += outcome.patterns
  }
  unprotectable.sort(byNeed(marks))
  relaxed.sort((a, b) => a - b)
  if (options.threshold !== undefined)
    applyThreshold(system, status, options.threshold, knownFrozen(job, status))
  return { status, unprotectable, certificates, relaxed, lpSolved, patterns }
}

/** The default runner: every component on the calling thread, in the order given. */
export async function searchInTurn(
  job: SearchJob,
  components: readonly { readonly id: number }[],
): Promise<SearchOutcome[]> {
  const outcomes: SearchOutcome[] = []
  for (const { id } of components) outcomes.push(await searchComponents(job, [id]))
  return outcomes
}

function isPrimary(s: number): boolean {
  return s !== PUBLISHED && s !== SECONDARY
}

/** Primaries are taken largest protection need first, then by cell. */
function byNeed(marks: PrimaryMarks): (a: number, b: number) => number {
  return (a, b) => marks.distance[b]! - marks.distance[a]! || a - b
}

/** The statuses before the search: a published cell that a release online held is secondary. */
function initialStatus(job: SearchJob): Uint8Array {
  const { marks, held } = job
  return Uint8Array.from(marks.status, (s, c) => (s === PUBLISHED && held?.[c] === 1 ? SECONDARY : s))
}

/** Cells whose published value is public already (SecondaryOptions.known). */
function knownFrozen(job: SearchJob, status: Uint8Array): Uint8Array {
  const known = job.known ?? new Uint8Array(job.system.size)
  return Uint8Array.from(known, (k, c) => (k === 1 && status[c] === PUBLISHED ? 1 : 0))
}

/**
 * Searches secondary cells for the primaries of the components `ids` of `job.system` (pure; a
 * `SearchRunner` may call it on another thread). Primaries are taken largest protection need
 * first; later ones reuse earlier suppressions; then the components' secondary cells that the
 * certificates can do without are published again.
 */
export async function searchComponents(job: SearchJob, ids: readonly number[]): Promise<SearchOutcome> {
  const { system, marks } = job
  const held = job.held ?? new Uint8Array(system.size)
  const status = initialStatus(job)
  const { component, members } = componentsOf(system)
  const state: State = {
    highs: await loadSolver(),
    system,
    marks,
    status,
    suppressed: status.map((s) => (s === PUBLISHED ? 0 : 1)),
    frozen: knownFrozen(job, status),
    singleton: job.singletons ? marks.singleton : new Uint8Array(system.size),
    locations: tableLocations(system),
    component,
    members,
    componentLp: new Int32Array(members.length),
    searchedCells: members.reduce(
      (sum, cells) => (cells.some((c) => isPrimary(status[c]!)) ? sum + cells.length : sum),
      0,
    ),
    certificates: new Map(),
    through: new Map(),
    floor: marks.floor,
    wholeWithFloors: new Int32Array(members.length),
    lpSolved: 0,
    patterns: 0,
  }
  const cells = ids.flatMap((id) => members[id]!)
  const primaries = cells.filter((c) => isPrimary(status[c]!)).sort(byNeed(marks))
  const unprotectable: number[] = []
  const relaxed: number[] = []
  const none = new Float64Array(system.size)
  // Components where some floor is above 0: only there can dropping the floors help.
  const floored = new Uint8Array(members.length)
  marks.floor.forEach((f, c) => {
    if (f > 0) floored[component[c]!] = 1
  })
  for (const cell of primaries) {
    const k = state.component[cell]!
    const wholeAllowed = Math.max(WHOLE_WITH_FLOORS, Math.floor(WHOLE_CELLS / members[k]!.length))
    const widest = state.wholeWithFloors[k]! < wholeAllowed ? Infinity : MAX_LEVEL
    let proof = certify(state, cell, false, widest) ?? certifyOnRates(state, cell, job.publicMeasures)
    let isRelaxed = false
    if (!proof && floored[k] === 1) {
      // What the statuses tell leaves this cell no pattern: protected as PRIVACY.md §4 asks, and
      // named (SecondaryResult.relaxed) unless later suppressions protect it under the floors
      // after all. Its certificates break floors, so no other cell reuses them (remember), and
      // pruning certifies it again without floors.
      state.floor = none
      try {
        proof = certify(state, cell, false) ?? certifyOnRates(state, cell, job.publicMeasures)
      } finally {
        state.floor = marks.floor
      }
      if (proof) {
        relaxed.push(cell)
        isRelaxed = true
      }
    }
    if (!proof) {
      unprotectable.push(cell)
      continue
    }
    for (const certificate of proof) {
      for (const c of certificate.cells) {
        if (state.suppressed[c] === 0) {
          state.suppressed[c] = 1
          status[c] = SECONDARY
        }
      }
    }
    state.certificates.set(cell, proof)
    if (!isRelaxed) for (const certificate of proof) remember(state, certificate)
  }
  // What later primaries suppressed may protect an earlier relaxed one against the reader of the
  // statuses after all, within the cells suppressed now.
  const stillRelaxed = new Set<number>()
  for (const cell of relaxed) {
    const proof = certify(state, cell, true)
    if (!proof) {
      stillRelaxed.add(cell)
      continue
    }
    state.certificates.set(cell, proof)
    for (const certificate of proof) remember(state, certificate)
  }
  prune(state, held, cells, stillRelaxed, none)
  return {
    cells: Int32Array.from(cells),
    status: Uint8Array.from(cells, (c) => status[c]!),
    unprotectable,
    certificates: state.certificates,
    relaxed: [...stillRelaxed],
    lpSolved: state.lpSolved,
    patterns: state.patterns,
  }
}

/**
 * A primary that only its rates make primary hides their measures, not its count. When no
 * certificate avoids the cells public already (its count itself is public: a release online
 * published it, or a cell equal to it, unchanged), certificates are sought again with only the
 * cells frozen whose values of those measures are public. Read over the tables that hold the
 * measures, such a certificate moves only cells whose values of them are hidden, which is what
 * protects the rates; the cells it also moves elsewhere, public counts, are suppressed again, which
 * hides nothing and costs nothing but their publication.
 */
function certifyOnRates(
  state: State,
  cell: number,
  publicMeasures: ReadonlyMap<number, ReadonlySet<string>> | undefined,
): Certificate[] | undefined {
  const names = state.marks.rateOnly.get(cell)
  if (!names || !publicMeasures) return undefined
  const { system, frozen } = state
  const saved = Uint8Array.from(frozen)
  frozen.fill(0)
  system.tables.forEach((table, t) => {
    const held = [...names].filter((m) => table.measures?.has(m) || table.cellValues?.has(m))
    if (held.length === 0) return
    for (const id of system.cellIds[t]!) {
      const known = publicMeasures.get(id)
      if (known && held.some((m) => known.has(m))) frozen[id] = 1
    }
  })
  try {
    return certify(state, cell, false)
  } finally {
    frozen.set(saved)
  }
}

/**
 * A proof that a cell keeps its interval: one certificate that moves none of the singletons whose
 * members it is hidden from or, when none exists, one certificate per such singleton (the audit
 * assumes one singleton known at a time) and one for outsiders.
 */
function certify(
  state: State,
  cell: number,
  onlySuppressed: boolean,
  maxLevel = Infinity,
): Certificate[] | undefined {
  const known = knownSingletons(state, cell)
  // Freezing every known singleton at once is a shortcut, mostly hopeless in sparse tables once
  // there are several: then one certificate per singleton is sought directly.
  const all =
    known.length < 2
      ? certifyWith(state, cell, known, onlySuppressed, known.length > 0 ? Math.min(maxLevel, 1) : maxLevel)
      : undefined
  if (all) return [all]
  if (known.length === 0) return undefined
  const proof: Certificate[] = []
  for (const frozen of [[], ...known.map((s) => [s])]) {
    // A certificate already in the proof that leaves this singleton alone holds when it is known.
    if (frozen.length > 0 && proof.some((certificate) => !moves(certificate, frozen[0]!))) continue
    const certificate = certifyWith(state, cell, frozen, onlySuppressed, maxLevel)
    if (!certificate) return undefined
    proof.push(certificate)
  }
  return proof
}

/**
 * Finds up and down certificates for a cell that leave `known` cells alone: a hypercube pattern
 * first, else the LP on a neighbourhood widened until both exist; with `onlySuppressed`, within
 * the current pattern.
 */
function certifyWith(
  state: State,
  cell: number,
  known: readonly number[],
  onlySuppressed: boolean,
  maxLevel: number,
): Certificate | undefined {
  const { system, marks, frozen } = state
  for (const c of known) frozen[c] = frozen[c]! + 1
  try {
    const amount = marks.distance[cell]!
    const pattern = findPattern(
      system,
      state.locations,
      cell,
      amount,
      patternCost(state, cell, onlySuppressed),
      downwardDistance(amount, system.value[cell]!, state.floor[cell]),
    )
    // A pattern that suppresses nothing new cannot be beaten; else the LP may find a cheaper
    // certificate than a hypercube (a longer cycle of suppressed cells, say): always tried on small
    // sets, within a budget of solves on larger ones (deterministic: primaries in a fixed order).
    const refine = system.size <= LP_REFINE_CELLS || (!onlySuppressed && withinBudget(state, cell))
    if (pattern && pattern.cost < 1) {
      state.patterns++
      return pattern.certificate
    }
    // An earlier certificate that already moves this cell far enough both ways, within suppressed
    // cells, proves it too at no cost (linked sparse tables: primaries on one cycle share it).
    const reused = reuse(state, cell, amount)
    if (reused) return reused
    if (pattern && !refine) {
      state.patterns++
      return pattern.certificate
    }
    if (!refine && onlySuppressed) return undefined
    const byLp = certifyByLp(state, cell, onlySuppressed, maxLevel)
    if (pattern && (!byLp || certificateCost(state, byLp) > pattern.cost)) {
      state.patterns++
      return pattern.certificate
    }
    return byLp
  } finally {
    for (const c of known) frozen[c] = frozen[c]! - 1
  }
}

/**
 * The singletons whose member the cell must be hidden from, so that its certificates must not move
 * them (PRIVACY.md §4, as the audit checks it): singletons sharing a relation with the cell, except
 * its own children, and a singleton inside a cell of one person (the same person).
 */
function knownSingletons(state: State, cell: number): number[] {
  const { system, singleton } = state
  const { relStart, relCells, cellRelStart, cellRels } = system
  const out = new Set<number>()
  const inside = new Set<number>()
  for (let k = cellRelStart[cell]!; k < cellRelStart[cell + 1]!; k++) {
    const r = cellRels[k]!
    const parent = relCells[relStart[r]!]!
    for (let j = relStart[r]!; j < relStart[r + 1]!; j++) {
      const c = relCells[j]!
      if (c === cell || singleton[c] !== 1) continue
      // The cell is a child of the singleton c, or c is a child holding all of the cell (a cell of
      // one person, or a child equal to it): either way c's member is the cell's own.
      if (c === parent || (parent === cell && holdsAll(system, cell, c))) inside.add(c)
      else out.add(c)
    }
  }
  return [...out].filter((c) => !inside.has(c)).sort((a, b) => a - b)
}

/** What a certificate costs: persons (plus one) of each cell it suppresses anew. */
function certificateCost(state: State, certificate: Certificate): number {
  let cost = 0
  for (const c of certificate.cells) cost += state.suppressed[c] === 1 ? REUSE : state.system.value[c]! + 1
  return cost
}

function patternCost(state: State, cell: number, onlySuppressed: boolean) {
  const { system, suppressed, frozen, floor } = state
  return boundedCost(system, floor, cell, (c) => {
    if (frozen[c] !== 0) return INFEASIBLE
    if (suppressed[c] === 1) return REUSE
    return onlySuppressed ? INFEASIBLE : system.value[c]! + 1
  })
}

function certifyByLp(
  state: State,
  cell: number,
  onlySuppressed: boolean,
  maxLevel: number,
): Certificate | undefined {
  const { system, marks, suppressed, frozen, highs, floor } = state
  const amount = marks.distance[cell]!
  const downAmount = downwardDistance(amount, system.value[cell]!, floor[cell])
  let up: Map<number, number> | undefined
  let down: Map<number, number> | undefined = downAmount > SUPPORT ? undefined : new Map()
  const sparse = (cells: readonly number[], y: Float64Array, sign: number) => {
    const out = new Map<number, number>()
    cells.forEach((c, i) => {
      if (Math.abs(y[i]!) > SUPPORT) out.set(c, sign * y[i]!)
    })
    return out
  }
  for (let level = 1; ; level++) {
    const whole = level > MAX_LEVEL
    const members = state.members[state.component[cell]!]!
    const found = whole
      ? { cells: members, complete: true }
      : neighbourhood(system, state.locations, cell, level)
    if (whole && floor === marks.floor) state.wholeWithFloors[state.component[cell]!]!++
    const { cells } = found
    // The tables holding the cell may be complete while linked tables still have cells to move.
    const complete = found.complete && cells.length === members.length
    const problem = { system, cell, cells, suppressed, frozen, floor, amount, onlySuppressed }
    if (!up) {
      const y = findPerturbation(highs, { ...problem, direction: 1 })
      counted(state, cell)
      if (y) {
        up = sparse(cells, y, 1)
        if (!down && canFlip(system, floor, cells, y)) down = sparse(cells, y, -1)
      }
    }
    const last = complete || level >= maxLevel
    // Both directions are needed: without an upward change here, the downward one waits for a
    // wider neighbourhood (or is not needed at all when this was the widest).
    if (!up && last) return undefined
    if (up && !down) {
      const y = findPerturbation(highs, { ...problem, amount: downAmount, direction: -1 })
      counted(state, cell)
      if (y) down = sparse(cells, y, 1)
    }
    if (up && down) return toCertificate(up, down)
    if (last) return undefined
  }
}

/** True while the cell's component has LP solves left for refining patterns (LP_REFINE_BUDGET). */
function withinBudget(state: State, cell: number): boolean {
  const k = state.component[cell]!
  const share = Math.ceil((LP_REFINE_BUDGET * state.members[k]!.length) / state.searchedCells)
  return state.componentLp[k]! < share
}

function counted(state: State, cell: number): void {
  state.lpSolved++
  state.componentLp[state.component[cell]!]!++
}

/** True when a certificate changes the cell up or down. */
function moves(certificate: Certificate, cell: number): boolean {
  const i = certificate.cells.indexOf(cell)
  return i >= 0 && (certificate.up[i] !== 0 || certificate.down[i] !== 0)
}

/** Indexes a certificate under every cell it moves, for `reuse`. */
function remember(state: State, certificate: Certificate): void {
  certificate.cells.forEach((c, i) => {
    if (certificate.up[i] === 0 && certificate.down[i] === 0) return
    let list = state.through.get(c)
    if (!list) {
      list = []
      state.through.set(c, list)
    }
    list.push(certificate)
  })
}

/**
 * Up and down changes taken from earlier certificates that move `cell` by at least `amount` each
 * way and move only suppressed, non-frozen cells (besides `cell`). Any certificate's up or down
 * change keeps every relation and bound whatever cell it was found for, so it proves this one too.
 */
function reuse(state: State, cell: number, amount: number): Certificate | undefined {
  const candidates = state.through.get(cell)
  if (!candidates) return undefined
  const { suppressed, frozen } = state
  const downAmount = downwardDistance(amount, state.system.value[cell]!, state.floor[cell])
  const usable = (cells: Int32Array, y: Float64Array) => {
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!
      if (y[i] === 0 || c === cell) continue
      if (suppressed[c] !== 1 || frozen[c] !== 0) return false
    }
    return true
  }
  let up: Map<number, number> | undefined
  let down: Map<number, number> | undefined = downAmount > SUPPORT ? undefined : new Map()
  for (const certificate of candidates) {
    const i = certificate.cells.indexOf(cell)
    for (const y of [certificate.up, certificate.down]) {
      const move = y[i]!
      const needUp = !up && move >= amount - SUPPORT
      const needDown = !down && move <= -downAmount + SUPPORT
      if (!(needUp || needDown) || !usable(certificate.cells, y)) continue
      const change = new Map<number, number>()
      certificate.cells.forEach((c, k) => {
        if (y[k] !== 0) change.set(c, y[k]!)
      })
      if (needUp) up = change
      else down = change
    }
    if (up && down) return toCertificate(up, down)
  }
  return undefined
}

function toCertificate(up: Map<number, number>, down: Map<number, number>): Certificate {
  const cells = Int32Array.from(new Set([...up.keys(), ...down.keys()])).sort()
  return {
    cells,
    up: Float64Array.from(cells, (c) => up.get(c) ?? 0),
    down: Float64Array.from(cells, (c) => down.get(c) ?? 0),
  }
}

/**
 * Publishes again each secondary cell of `cells` (most persons first) whose primaries stay
 * certified without it; the `relaxed` primaries are certified again against the reader of the
 * values alone (`none`: no floors), as they were (a certificate under the floors that need not
 * move a cell at its floor down would not hold for that reader).
 */
function prune(
  state: State,
  held: Uint8Array,
  cells: readonly number[],
  relaxed: ReadonlySet<number>,
  none: Float64Array,
): void {
  const { system, status, suppressed, certificates } = state
  const users = new Map<number, Set<number>>()
  const use = (primary: number, proof: readonly Certificate[]) => {
    for (const certificate of proof) {
      for (const c of certificate.cells) {
        if (status[c] !== SECONDARY || held[c] === 1) continue
        let set = users.get(c)
        if (!set) {
          set = new Set()
          users.set(c, set)
        }
        set.add(primary)
      }
    }
  }
  for (const [primary, certificate] of certificates) use(primary, certificate)
  // A secondary cell no proof moves is not needed at all.
  for (const c of cells) {
    if (status[c] === SECONDARY && held[c] === 0 && !users.has(c)) {
      status[c] = PUBLISHED
      suppressed[c] = 0
    }
  }
  const secondaries = [...users.keys()].sort((a, b) => system.value[b]! - system.value[a]! || a - b)
  for (const s of secondaries) {
    suppressed[s] = 0
    const renewed = new Map<number, Certificate[]>()
    const needing = [...(users.get(s) ?? [])].sort((a, b) => a - b)
    for (const primary of needing) {
      const current = certificates.get(primary)
      if (!current) continue
      const moves = current.some((certificate) => certificate.cells.includes(s))
      const proof = moves ? recertify(state, primary, relaxed.has(primary) ? none : state.floor) : current
      if (!proof) break
      renewed.set(primary, proof)
    }
    if (renewed.size < needing.length) {
      suppressed[s] = 1
      continue
    }
    status[s] = PUBLISHED
    users.delete(s)
    for (const [primary, proof] of renewed) {
      certificates.set(primary, proof)
      use(primary, proof)
    }
  }
}

/** Certifies a primary again within the suppressed cells, under the floors given. */
function recertify(state: State, primary: number, floor: Float64Array): Certificate[] | undefined {
  const kept = state.floor
  state.floor = floor
  try {
    return certify(state, primary, true, PRUNE_LEVEL)
  } finally {
    state.floor = kept
  }
}

/** True when −y also keeps every cell within [floor, upper], so one certificate serves both directions. */
function canFlip(
  system: CellSystem,
  floor: Float64Array,
  cells: readonly number[],
  y: Float64Array,
): boolean {
  return cells.every((c, i) => {
    const v = system.value[c]!
    const moved = v - y[i]!
    return moved >= floor[c]! - SUPPORT && moved <= system.upper + SUPPORT
  })
}
