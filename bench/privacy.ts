/**
 * Benchmark of src/privacy: synthetic hierarchical tables (4 dimensions, 3-level hierarchies) of
 * about 1k, 10k and 100k cells and a set of 5 linked tables; time to protect and audit, share of
 * cells and persons suppressed, against a simple relation-by-relation baseline in the same run.
 * Writes bench/results/privacy-<date>.json and prints a table. `npm run bench:privacy [-- sizes]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { computeIntervals } from '../src/privacy/compute-intervals.ts'
import { findPerturbation } from '../src/privacy/find-perturbation.ts'
import { findPattern } from '../src/privacy/hypercube.ts'
import {
  applyPrimaryRules,
  auditSystem,
  buildTable,
  type HierarchyRow,
  linkTables,
  type ProtectionReport,
  protectTables,
  resolveRules,
  suppressByRelations,
  type TableInput,
} from '../src/privacy/index.ts'
import type { CellSystem } from '../src/privacy/link-tables.ts'
import { loadSolver } from '../src/privacy/load-solver.ts'
import { neighbourhood, tableLocations } from '../src/privacy/neighbourhood.ts'

/** Deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A 3-level hierarchy: root → b1 groups → b2 leaves each. */
function hierarchy(dim: string, b1: number, b2: number): { rows: HierarchyRow[]; leaves: string[] } {
  const rows: HierarchyRow[] = [{ code: `${dim}0`, parent: '' }]
  const leaves: string[] = []
  for (let i = 1; i <= b1; i++) {
    rows.push({ code: `${dim}${i}`, parent: `${dim}0` })
    for (let j = 1; j <= b2; j++) {
      rows.push({ code: `${dim}${i}.${j}`, parent: `${dim}${i}` })
      leaves.push(`${dim}${i}.${j}`)
    }
  }
  return { rows, leaves }
}

/** Skewed counts: many small cells (primary), some empty, a long tail. */
function count(next: () => number): number {
  if (next() < 0.1) return 0
  return Math.floor(Math.exp(next() * 5.5))
}

function product(lists: readonly string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((p) => list.map((x) => [...p, x])), [[]])
}

function hierarchicalTable(name: string, shape: readonly [number, number][], seed: number): TableInput {
  const next = random(seed)
  const dims = shape.map((_, i) => `d${i}`)
  const hs = shape.map(([b1, b2], i) => hierarchy(dims[i]!, b1, b2))
  const rows = product(hs.map((h) => h.leaves)).map((codes) => ({ codes, n: count(next) }))
  return {
    name,
    dimensions: dims,
    hierarchies: Object.fromEntries(hs.map((h, i) => [dims[i]!, h.rows])),
    rows,
  }
}

/** Five linked tables: projections of one 5-dimensional population on different dimension sets. */
function linkedTables(seed: number): TableInput[] {
  const next = random(seed)
  const dims = ['a', 'b', 'c', 'd', 'e']
  const hs = dims.map((d) => hierarchy(d, 3, 3))
  const leaves = product(hs.map((h) => h.leaves)).map((codes) => ({
    codes,
    // Sparse and small, so that the 3-dimensional projections hold small cells to protect.
    n: next() < 0.96 ? 0 : 1 + Math.floor(next() * 6),
  }))
  const sets = [
    ['a', 'b', 'c'],
    ['a', 'b', 'd'],
    ['a', 'c', 'e'],
    ['b', 'd', 'e'],
    ['c', 'd', 'e'],
  ]
  return sets.map((set, t) => {
    const idx = set.map((d) => dims.indexOf(d))
    const sums = new Map<string, number>()
    for (const leaf of leaves) {
      const key = idx.map((i) => leaf.codes[i]).join('\u0001')
      sums.set(key, (sums.get(key) ?? 0) + leaf.n)
    }
    return {
      name: `linked-${t + 1}`,
      dimensions: set,
      hierarchies: Object.fromEntries(set.map((d) => [d, hs[dims.indexOf(d)]!.rows])),
      rows: [...sums].map(([key, n]) => ({ codes: key.split('\u0001'), n })),
    }
  })
}

interface Row {
  readonly case: string
  readonly method: string
  readonly cells: number
  readonly primary: number
  readonly secondary: number
  readonly cellsSuppressed: number
  readonly personsSuppressed: number
  readonly protectSeconds: number
  readonly auditSeconds: number
  readonly auditOk: boolean
  readonly unprotected: number
  readonly heapMiB: number
  /** Primary cells the audit checked (all of them, or a sample for the baseline). */
  readonly audited?: number
  /** `exact`: every primary proven or bounded by the attacker LP; `sample`: see proveSample. */
  readonly auditMethod?: 'exact' | 'sample'
  readonly lpSolved?: number
  readonly patterns?: number
}

async function ours(name: string, tables: TableInput[]): Promise<Row> {
  const result = await protectTables(tables, { audit: 'primary' })
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)))
  return row(name, 'passerelle', result.report)
}

function row(name: string, method: string, report: ProtectionReport): Row {
  const s = report.set
  return {
    case: name,
    method,
    cells: s.distinctCells,
    primary: s.byStatus.A + s.byStatus.B,
    secondary: s.byStatus.D,
    cellsSuppressed: s.cellsSuppressedShare,
    personsSuppressed: s.personsSuppressedShare,
    protectSeconds: report.solver.protectSeconds,
    auditSeconds: report.solver.auditSeconds,
    auditOk: report.audit?.ok ?? false,
    unprotected: report.audit?.unprotected.length ?? 0,
    heapMiB: process.memoryUsage().rss / 2 ** 20,
    lpSolved: report.solver.lpSolved,
    patterns: report.solver.patterns,
  }
}

/** Proofs for sampled primaries of a baseline pattern; the unproven are listed as unprotected. */
async function proveSample(
  system: CellSystem,
  status: Uint8Array,
  distance: Float64Array,
  sample: readonly number[],
): Promise<{ ok: boolean; unprotected: number[] }> {
  const highs = await loadSolver()
  const suppressed = status.map((s) => (s === 0 ? 0 : 1))
  const frozen = new Uint8Array(system.size)
  // The reference attacker of PRIVACY.md §4 (every cell at least 0), as the methods compared use.
  const floor = new Float64Array(system.size)
  const locations = tableLocations(system)
  const unproven: number[] = []
  for (const cell of sample) {
    const d = distance[cell]!
    const cost = (c: number) => {
      const v = system.value[c]!
      if (v < d || v + d > system.upper) return 1e12
      return suppressed[c] === 1 ? 0 : 1e12
    }
    if (findPattern(system, locations, cell, d, cost)) continue
    const { cells } = neighbourhood(system, locations, cell, 1)
    const problem = { system, cell, cells, suppressed, frozen, floor, amount: d, onlySuppressed: true }
    const up = findPerturbation(highs, { ...problem, direction: 1 })
    if (up && findPerturbation(highs, { ...problem, direction: -1 })) continue
    unproven.push(cell)
  }
  // The attacker LP on what local proofs leave open, while the set is small enough for it.
  if (unproven.length === 0 || system.size > EXACT_CELLS)
    return { ok: unproven.length === 0, unprotected: unproven }
  const intervals = await computeIntervals({ system, suppressed, values: system.value, targets: unproven })
  const unprotected = unproven.filter((c) => {
    const { low, up } = intervals.get(c)!
    const v = system.value[c]!
    return low > v - distance[c]! + 1e-6 || up < v + distance[c]! - 1e-6
  })
  return { ok: unprotected.length === 0, unprotected }
}

/** Up to this many cells, sampled baseline cells without a local proof get the exact attacker LP. */
const EXACT_CELLS = Number(process.env.EXACT_CELLS ?? 20_000)

/** Baseline primaries audited at most (a deterministic sample beyond). */
const SAMPLE = 300

async function baseline(name: string, tables: TableInput[]): Promise<Row> {
  const started = performance.now()
  const built = tables.map((t) => {
    const b = buildTable(t)
    if (!b.ok) throw new Error('bad table')
    return b.value
  })
  const linked = linkTables(built)
  if (!linked.ok) throw new Error('bad link')
  const system = linked.value
  const rules = resolveRules().rules
  const { marks } = applyPrimaryRules(system, () => rules)
  const status = suppressByRelations(system, marks.status)
  const protectSeconds = (performance.now() - started) / 1000
  const auditStarted = performance.now()
  // The exact attacker LP per primary is too slow on large baseline patterns (no certificates to
  // reuse, one LP component spanning the table): past SAMPLE primaries, a deterministic sample
  // (every k-th) is checked, each by a proof (a hypercube of suppressed cells, or a certificate LP
  // on its neighbourhood); a sampled cell without a proof counts as not proven protected.
  const primaries = [...status.keys()].filter((c) => status[c] === 1 || status[c] === 2)
  const step = Math.max(1, Math.ceil(primaries.length / SAMPLE))
  const sample = primaries.filter((_, i) => i % step === 0)
  const pattern = { system, status, distance: marks.distance, singleton: marks.singleton }
  const audit =
    step === 1
      ? (await auditSystem(pattern, 'primary')).summary
      : await proveSample(system, status, marks.distance, sample)
  const count = (code: number) => status.filter((s) => s === code).length
  let persons = 0
  let suppressedPersons = 0
  system.value.forEach((v, c) => {
    persons += v
    if (status[c] !== 0) suppressedPersons += v
  })
  return {
    case: name,
    method: 'baseline',
    cells: system.size,
    primary: count(1) + count(2),
    secondary: count(3),
    cellsSuppressed: (system.size - count(0)) / system.size,
    personsSuppressed: suppressedPersons / persons,
    protectSeconds,
    auditSeconds: (performance.now() - auditStarted) / 1000,
    auditOk: audit.ok,
    unprotected: audit.unprotected.length,
    heapMiB: process.memoryUsage().rss / 2 ** 20,
    audited: sample.length,
    auditMethod: step === 1 ? 'exact' : 'sample',
  }
}

const cases: Record<string, () => TableInput[]> = {
  '1k': () => [
    hierarchicalTable(
      '1k',
      [
        [2, 2],
        [2, 2],
        [2, 2],
        [2, 1],
      ],
      1,
    ),
  ],
  '10k': () => [
    hierarchicalTable(
      '10k',
      [
        [2, 3],
        [2, 3],
        [2, 3],
        [3, 3],
      ],
      2,
    ),
  ],
  '100k': () => [
    hierarchicalTable(
      '100k',
      [
        [3, 4],
        [3, 4],
        [4, 4],
        [4, 4],
      ],
      3,
    ),
  ],
  'linked-5': () => linkedTables(4),
}

const wanted = process.argv.slice(2).filter((a) => a in cases)
const rows: Row[] = []
for (const name of wanted.length > 0 ? wanted : Object.keys(cases)) {
  const tables = cases[name]!()
  if (!process.env.SKIP_BASELINE) rows.push(await baseline(name, tables))
  rows.push(await ours(name, tables))
  const last = rows.at(-1)!
  process.stderr.write(
    `${name}: ${last.cells} cells, protect ${last.protectSeconds.toFixed(1)} s, ${last.patterns} patterns, ${last.lpSolved} LPs\n`,
  )
}
const pct = (x: number) => `${(100 * x).toFixed(1)} %`
console.table(
  rows.map((r) => ({
    case: r.case,
    method: r.method,
    cells: r.cells,
    primary: r.primary,
    secondary: r.secondary,
    'cells supp.': pct(r.cellsSuppressed),
    'persons supp.': pct(r.personsSuppressed),
    'protect s': r.protectSeconds.toFixed(2),
    'audit s': r.auditSeconds.toFixed(2),
    'audit ok': r.auditOk,
    audit: r.auditMethod === 'sample' ? `sample ${r.audited}` : 'exact',
    'unprotected (sample: unproven)': r.unprotected,
    'rss MiB': Math.round(r.heapMiB),
  })),
)
const date = new Date().toISOString().slice(0, 10)
const dir = new URL('./results/', import.meta.url)
mkdirSync(dir, { recursive: true })
writeFileSync(
  new URL(`privacy-${date}.json`, dir),
  `${JSON.stringify({ date, node: process.version, rows }, null, 2)}\n`,
)
