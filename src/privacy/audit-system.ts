/**
 * Audits a suppression pattern on a cell system: the exact attacker interval of every suppressed
 * cell, checked against each primary cell's protection distance, then again for every singleton's
 * member, who knows the singleton's value (PRIVACY.md §4). With the certificates of the protection
 * step, a primary whose certificates still hold is proven protected without any LP (see
 * certificate.ts); the LP bounds only the others, and every suppressed cell for the full report.
 * @module
 */
import { PUBLISHED, SECONDARY } from './apply-primary-rules.ts'
import { type Certificate, verifyCertificate } from './certificate.ts'
import { computeIntervals, type Interval } from './compute-intervals.ts'
import { boundedCost, findPattern, PATTERN_INFEASIBLE } from './hypercube.ts'
import { type CellSystem, displayKey, holdsAll } from './link-tables.ts'
import { tableLocations } from './neighbourhood.ts'
import { downwardDistance } from './primary-rules.ts'
import type { AuditSummary } from './report.ts'

/** Which cells the audit bounds: every suppressed cell, or only the primary ones (faster). */
export type AuditScope = 'suppressed' | 'primary'

/** A suppression pattern with what the audit needs to know about primary cells. */
export interface AuditedPattern {
  readonly system: CellSystem
  /** Per cell: 0 `V`, 1 `A`, 2 `B`, 3 `D`. */
  readonly status: Uint8Array
  readonly distance: Float64Array
  readonly singleton: Uint8Array
  /** Per cell, the least value the attacker knows it holds (PrimaryMarks.floor); 0 everywhere when absent. */
  readonly floor?: Float64Array
  /** Primaries audited against the attacker who ignores the floors (SecondaryResult.relaxed). */
  readonly relaxed?: readonly number[]
}

const TOLERANCE = 1e-6

/** Runs the attacker LP; returns the intervals and the verdict. */
export async function auditSystem(
  pattern: AuditedPattern,
  scope: AuditScope = 'suppressed',
  certificates?: ReadonlyMap<number, readonly Certificate[]>,
  /** Check only these primary cells (e.g. a sample, for a quick look at a large pattern). */
  only?: readonly number[],
): Promise<{ intervals: Map<number, Interval>; summary: AuditSummary }> {
  const { system, status, distance, singleton } = pattern
  const none = new Float64Array(system.size)
  const floors = pattern.floor ?? none
  const relaxed = new Set(pattern.relaxed ?? [])
  const floorOf = (p: number) => (relaxed.has(p) ? none : floors)
  // The attacker's intervals of `targets`, each group under its own floors.
  const intervalsOf = async (targets: readonly number[], known?: number[]) => {
    const out = new Map<number, Interval>()
    for (const group of [targets.filter((t) => !relaxed.has(t)), targets.filter((t) => relaxed.has(t))]) {
      if (group.length === 0) continue
      const floor = relaxed.has(group[0]!) ? none : floors
      const found = await computeIntervals({
        system,
        suppressed,
        values: system.value,
        targets: group,
        floor,
        ...(known ? { known } : {}),
      })
      for (const [cell, interval] of found) out.set(cell, interval)
    }
    return out
  }
  const suppressed = status.map((s) => (s === PUBLISHED ? 0 : 1))
  const isPrimary = (c: number) => status[c] !== PUBLISHED && status[c] !== SECONDARY
  const primaries = only ? only.filter(isPrimary) : [...status.keys()].filter(isPrimary)
  // Each certificate is checked against the relations once: with a known singleton it still holds
  // exactly when it leaves that singleton alone (verifyCertificate's only use of `known`). Checking
  // it again for every singleton next to its primary took 200 s of a 1 M-dossier audit.
  const valid = new Map<number, readonly Certificate[]>()
  const validProof = (p: number) => {
    let proof = valid.get(p)
    if (!proof) {
      proof = (certificates?.get(p) ?? []).filter((certificate) =>
        verifyCertificate(system, suppressed, p, distance[p]!, certificate, undefined, floorOf(p)),
      )
      valid.set(p, proof)
    }
    return proof
  }
  const proven = (p: number, known?: ReadonlySet<number>) => {
    if (validProof(p).some((certificate) => !movesAny(certificate, known))) return true
    // No certificate from the protection step: a hypercube of suppressed cells is one too.
    locations ??= tableLocations(system)
    const d = distance[p]!
    const floor = floorOf(p)
    const cost = boundedCost(system, floor, p, (c) =>
      suppressed[c] === 1 && !known?.has(c) ? 0 : PATTERN_INFEASIBLE,
    )
    const down = downwardDistance(d, system.value[p]!, floor[p])
    return findPattern(system, locations, p, d, cost, down) !== undefined
  }
  let locations: readonly Int32Array[] | undefined
  const certified = new Set(primaries.filter((p) => proven(p)))
  const targets =
    scope === 'primary'
      ? primaries.filter((p) => !certified.has(p))
      : [...status.keys()].filter((c) => suppressed[c] === 1)
  const values = system.value
  const intervals = targets.length === 0 ? new Map<number, Interval>() : await intervalsOf(targets)
  const unprotected: AuditSummary['unprotected'][number][] = []
  const check = (cell: number, interval: Interval | undefined) => {
    if (!interval) return
    const v = values[cell]!
    const d = distance[cell]!
    if (
      interval.low > v - downwardDistance(d, v, floorOf(cell)[cell]) + TOLERANCE ||
      interval.up < v + d - TOLERANCE
    ) {
      const table = system.tables[system.homeTable[cell]!]!.name
      const key = displayKey(system.keys[cell]!)
      unprotected.push({ table, cell: key, value: v, low: interval.low, up: interval.up })
    }
  }
  for (const p of primaries) if (!certified.has(p)) check(p, intervals.get(p))
  let singletonChecks = 0
  for (const s of primaries) {
    if (singleton[s] !== 1) continue
    // Cells inside the singleton hold the same single person: only the others are at risk.
    const inside = new Set(descendantsIn(pattern, s))
    const neighbours = relatedPrimaries(pattern, s).filter(
      (p) => !inside.has(p) && !(holdsAll(system, p, s) && descendantsIn(pattern, p).includes(s)),
    )
    if (neighbours.length === 0) continue
    singletonChecks++
    const knownSet = new Set([s])
    const open = neighbours.filter((p) => !proven(p, knownSet))
    if (open.length === 0) continue
    const known = await intervalsOf(open, [s])
    for (const p of open) check(p, known.get(p))
  }
  return {
    intervals,
    summary: { checked: primaries.length, unprotected, singletonChecks, ok: unprotected.length === 0 },
  }
}

/** True when the certificate moves one of the `known` cells. */
function movesAny(certificate: Certificate, known: ReadonlySet<number> | undefined): boolean {
  if (!known) return false
  const { cells, up, down } = certificate
  for (let i = 0; i < cells.length; i++)
    if (known.has(cells[i]!) && (up[i] !== 0 || down[i] !== 0)) return true
  return false
}

/** Cells a relation lists as children of the cell (one level down, in every dimension). */
function descendantsIn(pattern: AuditedPattern, cell: number): number[] {
  const { system } = pattern
  const out: number[] = []
  for (let k = system.cellRelStart[cell]!; k < system.cellRelStart[cell + 1]!; k++) {
    const r = system.cellRels[k]!
    if (system.relCells[system.relStart[r]!] !== cell) continue
    for (let j = system.relStart[r]! + 1; j < system.relStart[r + 1]!; j++) out.push(system.relCells[j]!)
  }
  return out
}

/** Other primary cells sharing a relation with a cell. */
function relatedPrimaries(pattern: AuditedPattern, cell: number): number[] {
  const { system, status } = pattern
  const out = new Set<number>()
  for (let k = system.cellRelStart[cell]!; k < system.cellRelStart[cell + 1]!; k++) {
    const r = system.cellRels[k]!
    for (let j = system.relStart[r]!; j < system.relStart[r + 1]!; j++) {
      const c = system.relCells[j]!
      if (c !== cell && status[c] !== PUBLISHED && status[c] !== SECONDARY) out.add(c)
    }
  }
  return [...out].sort((a, b) => a - b)
}
