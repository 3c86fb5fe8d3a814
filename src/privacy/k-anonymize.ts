/**
 * Microdata k-anonymity by full-domain generalisation (ARX style, PRIVACY.md §6): every quasi-
 * identifier is generalised to one level of its hierarchy, records of classes still too small (or
 * not l-diverse) are suppressed (`*` on every quasi-identifier) within a limit; the lattice node with
 * least information loss wins (ties: lowest levels in attribute order, so the result is deterministic).
 * @module
 */
import type { Issue, Result } from './types.ts'

/** A generalisation hierarchy: per value, its generalisations from level 1 up (ARX CSV `v;l1;l2;…`). */
export type GeneralisationHierarchy = ReadonlyMap<string, readonly string[]>

/** Options of {@link kAnonymize}. */
export interface KAnonymityOptions {
  readonly k: number
  readonly quasiIdentifiers: readonly string[]
  readonly hierarchies: Readonly<Record<string, GeneralisationHierarchy>>
  /** Largest share of records that may be suppressed (default 0). */
  readonly suppressionLimit?: number
  /** l-diversity on a sensitive attribute: distinct values, or entropy ≥ log(l). */
  readonly lDiversity?: {
    readonly attribute: string
    readonly l: number
    readonly variant: 'distinct' | 'entropy'
  }
}

/** The anonymised records and what it cost. */
export interface KAnonymityResult {
  readonly records: readonly Readonly<Record<string, string>>[]
  /** Chosen generalisation level per quasi-identifier. */
  readonly levels: Readonly<Record<string, number>>
  readonly suppressed: number
  /** Information loss in [0, 1]: mean share of hierarchy height used, suppressed records counting 1. */
  readonly informationLoss: number
}

/** Anonymises records; `microdata/invalid` when a value lacks a hierarchy entry or no node satisfies the model. */
export function kAnonymize(
  records: readonly Readonly<Record<string, string>>[],
  options: KAnonymityOptions,
): Result<KAnonymityResult> {
  const { quasiIdentifiers: qis, hierarchies, k } = options
  const issues: Issue[] = []
  const heights = qis.map((q) => {
    const h = hierarchies[q]
    let height = 0
    for (const r of records) {
      const path = h?.get(r[q] ?? '')
      if (!path)
        issues.push({ path: q, code: 'microdata/invalid', message: `no hierarchy entry for ${q}: ${r[q]}` })
      else height = Math.max(height, path.length)
    }
    return height
  })
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 20) }
  const limit = Math.floor((options.suppressionLimit ?? 0) * records.length)
  let best: KAnonymityResult | undefined
  for (const levels of lattice(heights)) {
    const generalised = records.map((r) => {
      const out: Record<string, string> = { ...r }
      qis.forEach((q, i) => {
        if (levels[i]! > 0) out[q] = hierarchies[q]!.get(r[q]!)![levels[i]! - 1]!
      })
      return out
    })
    const classes = new Map<string, number[]>()
    generalised.forEach((r, i) => {
      const key = qis.map((q) => r[q]).join('\u0001')
      classes.set(key, [...(classes.get(key) ?? []), i])
    })
    const bad = [...classes.values()].filter((members) => !safe(members, generalised, options))
    const suppressed = bad.reduce((a, m) => a + m.length, 0)
    if (suppressed > limit) continue
    for (const members of bad) for (const i of members) for (const q of qis) generalised[i]![q] = '*'
    const used =
      levels.reduce((a, l, i) => a + (heights[i] ? l / heights[i]! : 0), 0) / Math.max(qis.length, 1)
    const loss = (used * (records.length - suppressed) + suppressed) / Math.max(records.length, 1)
    if (!best || loss < best.informationLoss - 1e-12) {
      best = {
        records: generalised,
        levels: Object.fromEntries(qis.map((q, i) => [q, levels[i]!])),
        suppressed,
        informationLoss: loss,
      }
    }
  }
  if (!best)
    return {
      ok: false,
      issues: [{ path: 'microdata', code: 'microdata/invalid', message: `no generalisation reaches k=${k}` }],
    }
  return { ok: true, value: best, issues: [] }
}

function safe(
  members: readonly number[],
  records: readonly Record<string, string>[],
  options: KAnonymityOptions,
) {
  if (members.length < options.k) return false
  const l = options.lDiversity
  if (!l) return true
  const counts = new Map<string, number>()
  for (const i of members)
    counts.set(records[i]![l.attribute]!, (counts.get(records[i]![l.attribute]!) ?? 0) + 1)
  if (l.variant === 'distinct') return counts.size >= l.l
  let entropy = 0
  for (const c of counts.values()) entropy -= (c / members.length) * Math.log(c / members.length)
  return entropy >= Math.log(l.l) - 1e-12
}

/** Every combination of levels, lowest total first. */
function lattice(heights: readonly number[]): number[][] {
  let nodes: number[][] = [[]]
  for (const h of heights) nodes = nodes.flatMap((n) => Array.from({ length: h + 1 }, (_, l) => [...n, l]))
  return nodes.sort((a, b) => a.reduce((x, y) => x + y, 0) - b.reduce((x, y) => x + y, 0))
}
