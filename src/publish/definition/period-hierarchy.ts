/**
 * The `periode` tree, built from the period codes the data holds: year `2025` > quarter
 * `2025-T1` > month `2025-01`. Every observed code brings its ancestors.
 * @module
 */
import {
  type Period,
  parsePeriod,
  partialSuffix,
  periodEnd,
  periodLabel,
  periodStart,
} from '../../lib/period-code.ts'
import { byCode, type HierarchyNode, root, TOTAL } from './hierarchy-types.ts'

/**
 * The period tree of the observed codes. A period the data stop inside (it ends after `asOf`, the
 * data date) says so in its label: `2026 (jusqu’au 30 septembre)`. Throws on a code of no level:
 * codes come from the SQL of catalogue.ts, so another shape is a programming error.
 *
 * @example
 * buildPeriodHierarchy(['2025-02'], '2025-12-31').map((n) => n.code) // ['_T', '2025', '2025-T1', '2025-02']
 */
export function buildPeriodHierarchy(codes: readonly string[], asOf: string): HierarchyNode[] {
  const nodes = new Map<string, HierarchyNode>()
  const label = (period: Period) => periodLabel(period) + partialSuffix(period, asOf)
  const year = (y: number) =>
    nodes.set(String(y), {
      code: String(y),
      parent: TOTAL,
      label: label({ level: 'annee', year: y }),
      level: 'annee',
    })
  const quarter = (y: number, q: number) => {
    year(y)
    const code = `${y}-T${q}`
    nodes.set(code, {
      code,
      parent: String(y),
      label: label({ level: 'trimestre', year: y, quarter: q }),
      level: 'trimestre',
    })
  }
  for (const code of codes) {
    const period = parsePeriod(code)
    if (!period) throw new Error(`invalid period code: ${code}`)
    if (period.level === 'mois') {
      const q = Math.ceil(period.month / 3)
      quarter(period.year, q)
      nodes.set(code, { code, parent: `${period.year}-T${q}`, label: label(period), level: 'mois' })
    } else if (period.level === 'trimestre') quarter(period.year, period.quarter)
    else year(period.year)
  }
  const rank = { annee: 0, trimestre: 1, mois: 2 } as Record<string, number>
  const sorted = [...nodes.values()].sort(
    (a, b) => (rank[a.level] ?? 0) - (rank[b.level] ?? 0) || byCode(a, b),
  )
  return [root(), ...sorted]
}

/**
 * A financements dataset's period tree when its periods run past the data date `asOf` (a
 * training planned later counts in the period it starts), relabelled: the period the data date
 * falls in does not stop at that date, `2026 (dont formations prévues)`, and a later one is
 * `4e trimestre 2026 (formations prévues)` (short: a chart's axis prints them). Any other tree is
 * returned as it is.
 */
export function withPlannedPeriods(nodes: readonly HierarchyNode[], asOf: string): readonly HierarchyNode[] {
  const periods = nodes.map((n) => [n, parsePeriod(n.code)] as const)
  if (!periods.some(([, p]) => p && periodStart(p) > asOf)) return nodes
  return periods.map(([node, p]) => {
    if (!p || periodEnd(p) <= asOf) return node
    const suffix = periodStart(p) > asOf ? ' (formations prévues)' : ' (dont formations prévues)'
    return { ...node, label: periodLabel(p) + suffix }
  })
}
