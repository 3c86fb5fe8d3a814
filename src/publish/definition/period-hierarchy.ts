/**
 * The `periode` tree, built from the period codes the data holds: year `2025` > quarter
 * `2025-T1` > month `2025-01`. Every observed code brings its ancestors.
 * @module
 */
import { FRENCH_MONTHS as MONTHS } from '../../lib/months.ts'
import { byCode, type HierarchyNode, root, TOTAL } from './hierarchy-types.ts'

const YEAR = /^\d{4}$/
const QUARTER = /^(\d{4})-T([1-4])$/
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/**
 * The period tree of the observed codes. Throws on a code of no level: codes come from the SQL
 * of catalogue.ts, so another shape is a programming error.
 *
 * @example
 * buildPeriodHierarchy(['2025-02']).map((n) => n.code) // ['_T', '2025', '2025-T1', '2025-02']
 */
export function buildPeriodHierarchy(codes: readonly string[]): HierarchyNode[] {
  const nodes = new Map<string, HierarchyNode>()
  const year = (y: string) => nodes.set(y, { code: y, parent: TOTAL, label: y, level: 'annee' })
  const quarter = (y: string, q: string) => {
    year(y)
    const label = `${q === '1' ? '1er' : `${q}e`} trimestre ${y}`
    nodes.set(`${y}-T${q}`, { code: `${y}-T${q}`, parent: y, label, level: 'trimestre' })
  }
  for (const code of codes) {
    const m = MONTH.exec(code)
    const q = QUARTER.exec(code)
    if (m) {
      const [, y = '', mm = ''] = m
      const quarterOf = String(Math.ceil(Number(mm) / 3))
      quarter(y, quarterOf)
      const label = `${MONTHS[Number(mm) - 1]} ${y}`
      nodes.set(code, { code, parent: `${y}-T${quarterOf}`, label, level: 'mois' })
    } else if (q) quarter(q[1] ?? '', q[2] ?? '')
    else if (YEAR.test(code)) year(code)
    else throw new Error(`invalid period code: ${code}`)
  }
  const rank = { annee: 0, trimestre: 1, mois: 2 } as Record<string, number>
  const sorted = [...nodes.values()].sort(
    (a, b) => (rank[a.level] ?? 0) - (rank[b.level] ?? 0) || byCode(a, b),
  )
  return [root(), ...sorted]
}
