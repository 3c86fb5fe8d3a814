/**
 * Audits a set of published or protected tables on its own: the attacker LP over all of them
 * together gives [low, up] for every suppressed cell. With tables protected in this process, each
 * primary cell is also checked against its protection distance; from published files alone, a cell
 * is flagged when its interval is too narrow to hold any value ± the minimum distance.
 * @module
 */
import { buildPublishedTable, type PublishedTableInput } from './build-published-table.ts'
import { computeIntervals, type Interval } from './compute-intervals.ts'
import { statusFloor } from './floor.ts'
import { linkTables } from './link-tables.ts'
import { downwardDistance } from './primary-rules.ts'
import { type ProtectedTable, secretsOf } from './protected-table.ts'
import type { Issue } from './types.ts'

/** One audited cell. */
export interface AuditedCell {
  readonly table: string
  readonly codes: readonly string[]
  readonly status: string
  readonly interval: Interval
  /** False when the interval does not cover the cell's protection distance. */
  readonly protected: boolean
}

/** The audit of a set of tables. */
export interface AuditTablesResult {
  readonly ok: boolean
  readonly cells: readonly AuditedCell[]
  readonly issues: readonly Issue[]
  readonly seconds: number
}

/** A published table with each row's status. */
export type AuditInput = PublishedTableInput & {
  readonly rows: readonly (PublishedTableInput['rows'][number] & { readonly status?: string })[]
}

/**
 * Audits tables published together (they are linked: common cells are one cell).
 * `minProtection` (default 1) is the distance required when true values are unknown; `signal`
 * stops the solves (the audit then rejects with its reason) and `onProgress` is told how many
 * suppressed cells have their interval (see {@link computeIntervals}).
 */
export async function auditTables(
  tables: readonly (ProtectedTable | AuditInput)[],
  options: {
    minProtection?: number
    signal?: AbortSignal
    onProgress?: (done: number, total: number) => void
    yieldMs?: number
    /** The rows' statuses are published (default true): see ProtectOptions.statusesShown. */
    statusesShown?: boolean
  } = {},
): Promise<AuditTablesResult> {
  const started = performance.now()
  const issues: Issue[] = []
  const built = tables.flatMap((t) => {
    const b = buildPublishedTable(t)
    if (!b.ok) issues.push(...b.issues)
    return b.ok ? [b.value] : []
  })
  if (issues.length > 0) return { ok: false, cells: [], issues, seconds: 0 }
  const linked = linkTables(built)
  if (!linked.ok) return { ok: false, cells: [], issues: linked.issues, seconds: 0 }
  const system = linked.value
  const suppressed = system.value.map((v) => (Number.isNaN(v) ? 1 : 0))
  const idOf = (t: number, codes: readonly string[]) => {
    const table0 = built[t]!
    let local = 0
    table0.hierarchies.forEach((h, i) => {
      local += h.index.get(codes[i]!)! * table0.strides[i]!
    })
    return system.cellIds[t]![local]!
  }
  // A row shown `A` or `B` holds at least one unit (empty cells are published as 0), and a margin
  // at least its children's: the attacker reads the statuses too (PrimaryMarks.floor).
  const nonEmpty = new Uint8Array(system.size)
  if (options.statusesShown !== false)
    tables.forEach((table, t) => {
      for (const row of table.rows) {
        const status = 'status' in row ? row.status : undefined
        if (row.n === null && (status === 'A' || status === 'B')) nonEmpty[idOf(t, row.codes)] = 1
      }
    })
  const floor = statusFloor(system, (c) => nonEmpty[c] === 1)
  const intervals = await computeIntervals({
    system,
    suppressed: Uint8Array.from(suppressed),
    values: system.value,
    floor,
    signal: options.signal,
    onProgress: options.onProgress,
    yieldMs: options.yieldMs,
  })
  const minProtection = options.minProtection ?? 1
  const cells: AuditedCell[] = []
  const done = new Set<number>()
  tables.forEach((table, t) => {
    const secrets = secretsOf(table as ProtectedTable)
    table.rows.forEach((row, r) => {
      if (row.n !== null) return
      const id = idOf(t, row.codes)
      const interval = intervals.get(id)
      if (!interval || done.has(id)) return
      done.add(id)
      const status = ('status' in row ? row.status : undefined) ?? 'A'
      const primary = status === 'A' || status === 'B'
      const v = secrets?.n[r]
      const d = secrets?.distance[r] ?? minProtection
      // Without the value: some value of the interval is protected in it (at the floor, upward only).
      const atFloor = floor[id]! > 0 && interval.low <= floor[id]! + 1e-6
      const ok =
        v === undefined
          ? interval.up - interval.low >= (atFloor ? d : 2 * d) - 1e-6 || !primary
          : !primary ||
            (interval.low <= v - downwardDistance(d, v, floor[id]) + 1e-6 && interval.up >= v + d - 1e-6)
      cells.push({ table: table.name, codes: row.codes, status, interval, protected: ok })
      if (!ok) {
        issues.push({
          path: table.name,
          code: 'disclosure/unprotected',
          message: `cell ${row.codes.join(',')} in [${interval.low}, ${interval.up}]`,
        })
      }
    })
  })
  return { ok: issues.length === 0, cells, issues, seconds: (performance.now() - started) / 1000 }
}
