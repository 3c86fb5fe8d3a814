/**
 * Statistics on the level expressions of the fact tables (`to_char(exit_date, 'YYYY')`,
 * `'R' || coalesce(res_region, 'ZZ')`…), so that the planner knows how many finest cells a table
 * has. Without them it takes each expression for 200 distinct values and the leaves' grouping sets
 * of sorties for ~1.4 M groups at 1 M dossiers (9,825 in fact): at 8 M dossiers it would sort the rows
 * instead of hashing them (population-leaves.ts).
 * @module
 */
import { createHash } from 'node:crypto'
import type { PopulationLeaves } from './population-leaves.ts'

/** One statistics object: its name, its fact table, and the statement creating it. */
export interface LevelStatistic {
  readonly name: string
  readonly table: string
  readonly sql: string
}

/** The names of these statistics (`like` pattern). */
export const LEVEL_STATISTICS_LIKE = 'publish\\_stat\\_%'

/** A bare column has its statistics already; PostgreSQL refuses statistics on it alone. */
const BARE_COLUMN = /^\s*[a-z_][a-z0-9_]*\s*$/

/**
 * The statistics the leaves need: one per level expression of each fact table (bare columns left
 * out), named by a hash of the table and the expression, so that a later call wanting the same one
 * finds it (they go with the fact table, rebuilt at each publication). Pure.
 */
export function levelStatistics(leaves: readonly PopulationLeaves[]): LevelStatistic[] {
  const byName = new Map<string, LevelStatistic>()
  for (const { population, levels } of leaves) {
    const table = population.factTable
    for (const sql of levels.keys()) {
      if (BARE_COLUMN.test(sql)) continue
      const hash = createHash('sha256').update(`${table}\u0000${sql}`).digest('hex').slice(0, 24)
      const name = `publish_stat_${hash}`
      byName.set(name, { name, table, sql: `create statistics ${name} on ((${sql})) from ${table}` })
    }
  }
  return [...byName.values()]
}
