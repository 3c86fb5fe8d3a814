/**
 * The protection report: per table and for the whole set, cells by status, persons in suppressed
 * cells, information lost, solver time and the audit's verdict.
 * @module
 */
import { STATUS_CODES } from './apply-primary-rules.ts'
import type { CellSystem } from './link-tables.ts'
import type { CellStatus, Issue } from './types.ts'

/** Counts for one table or for the set. */
export interface SuppressionSummary {
  readonly cells: number
  readonly byStatus: Readonly<Record<CellStatus, number>>
  /** Σ persons over all cells (every level), and over suppressed cells. */
  readonly persons: number
  readonly personsSuppressed: number
  /** Information loss: share of cells and of persons (Σ over cells) suppressed. */
  readonly cellsSuppressedShare: number
  readonly personsSuppressedShare: number
}

/** Audit verdict over the set. */
export interface AuditSummary {
  readonly checked: number
  /** Primary cells whose interval does not cover their protection distance. */
  readonly unprotected: readonly { table: string; cell: string; value: number; low: number; up: number }[]
  readonly singletonChecks: number
  readonly ok: boolean
}

/** The whole report. */
export interface ProtectionReport {
  readonly tables: readonly ({ readonly name: string } & SuppressionSummary)[]
  readonly set: SuppressionSummary & { readonly distinctCells: number; readonly relations: number }
  readonly solver: {
    readonly lpSolved: number
    /** Primary cells certified by a hypercube pattern, without LP. */
    readonly patterns: number
    readonly protectSeconds: number
    readonly auditSeconds: number
  }
  readonly audit?: AuditSummary
  /**
   * Cells (`table: cell`) that only their rates make primary but whose rates' values a release
   * still online published as they are now: left published, as hiding them would hide nothing.
   */
  readonly republished?: readonly string[]
  /**
   * Primary cells (`table: cell`) protected only against an attacker who ignores the statuses
   * (SecondaryResult.relaxed): what a cell shown `A` tells (at least one unit) leaves them no
   * pattern. For the operator (`passerelle protect`'s report.json lists them): publication's
   * `audit.json` only counts them, as naming them in a published file would point at them.
   */
  readonly relaxed?: readonly string[]
  readonly issues: readonly Issue[]
}

/** Summarises statuses over a list of cells. */
export function summarise(
  system: CellSystem,
  status: Uint8Array,
  cells: Iterable<number>,
): SuppressionSummary {
  const byStatus: Record<CellStatus, number> = { V: 0, A: 0, B: 0, D: 0 }
  let count = 0
  let persons = 0
  let personsSuppressed = 0
  for (const c of cells) {
    const s = status[c]!
    byStatus[STATUS_CODES[s]!]++
    count++
    persons += system.value[c]!
    if (s !== 0) personsSuppressed += system.value[c]!
  }
  const suppressed = count - byStatus.V
  return {
    cells: count,
    byStatus,
    persons,
    personsSuppressed,
    cellsSuppressedShare: count === 0 ? 0 : suppressed / count,
    personsSuppressedShare: persons === 0 ? 0 : personsSuppressed / persons,
  }
}
