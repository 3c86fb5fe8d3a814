/**
 * The overlap terms of a population, built once for all its tables (README.md, "Overlap terms"):
 * per subset of two or more of the rows of a person of 2 to `FEW_ROWS` rows, where those rows meet on
 * each level any of the tables uses, the filters that hold on all its rows, and the term's sign
 * (summed over the terms alike).
 * Each table then reads its overlaps from this table instead of gathering the persons' rows again.
 * @module
 */
import type { Population } from '../definition/catalogue.ts'
import { FEW_ROWS } from '../facts/sql-parts.ts'
import { type AggregationPlan, PERSON_COLUMN, plansByPopulation } from './plan.ts'

/** Marks a code where a person's rows differ: no code is a control character. */
export const DIFFERS = 'chr(1)'

/** Where a population's overlap terms are, and the names of what its tables need in them. */
export interface OverlapTerms {
  readonly population: Population
  /** The (unlogged) table holding the terms. */
  readonly table: string
  /** Per level SQL (as in the plans), the column of the terms' meet on that level. */
  readonly levels: ReadonlyMap<string, string>
  /** Per filter SQL of a persons count, its bit in the terms' `flags` (set: holds on every row). */
  readonly filters: ReadonlyMap<string, bigint>
}

/** A bigint `flags` holds one bit per filter: bits 0–62, bit 63 being its sign. */
const MAX_FILTERS = 63

/** The names of terms tables (`like` pattern), for dropping what a killed run left. */
export const OVERLAP_TABLES_LIKE = 'publish\\_overlap\\_%'

/**
 * The overlap terms each population needs for these tables: one entry per population with a
 * table that adds up its persons by inclusion–exclusion (`fewRows` > 1), holding every level and
 * every filter of those tables, in a table `publish_overlap_<population><suffix>`. Pure.
 */
export function planOverlapTerms(plans: readonly AggregationPlan[], suffix = ''): OverlapTerms[] {
  if (!/^[a-z0-9_]*$/.test(suffix)) throw new Error(`terms table suffix ${suffix}: expected [a-z0-9_]`)
  // Only the tables that add up persons (`fewRows` > 1) read the terms.
  return plansByPopulation(plans.filter((plan) => plan.personCounts.length > 0)).map((group) => {
    const { population, levels } = group
    const filters = new Set(group.plans.flatMap((p) => p.personCounts.flatMap((c) => c.filter ?? [])))
    if (filters.size > MAX_FILTERS)
      throw new Error(
        `population ${population.name}: ${filters.size} filters, at most ${MAX_FILTERS} fit in a bigint`,
      )
    return {
      population,
      table: `publish_overlap_${population.name}${suffix}`,
      levels: new Map(levels.map((sql, i) => [sql, `m${i}`])),
      filters: new Map([...filters].map((sql, i) => [sql, 1n << BigInt(i)])),
    }
  })
}

/**
 * The statement filling the terms table: `create unlogged table … as` over `overlapTermsSelect`.
 */
export function createOverlapTermsSql(terms: OverlapTerms): string {
  return `create unlogged table ${terms.table} as ${overlapTermsSelect(terms)}`
}

/**
 * The terms as a query. A person's rows (those of the population) come together as one row of
 * arrays, one per level and one of the rows' filters as bits, all in the same order (`array_agg`
 * over the same group): element `i` of every array is the person's `i`-th row, and every pair and
 * larger subset of positions is one term. The fact tables are stored in person order with an index on the
 * persons of 2 to `FEW_ROWS` rows (buildFacts), so the grouping reads them in order without a sort.
 * A term's meet on a level is the code its rows share there, or `DIFFERS`; its `flags`, the filters
 * that hold on all its rows; its sign, −1 for an even number of rows, +1 for an odd one. Terms of the same meets and
 * flags are summed into one row (`weight`; none where they cancel out): the tables then scan a
 * fraction of them (1 M dossiers: entrées 477,528 terms → 79,751 rows, sorties 423,975 → 194,685,
 * financements 504,112 → 7,902), for ~0.4 s more per population.
 */
export function overlapTermsSelect(terms: OverlapTerms): string {
  const { factTable, where } = terms.population
  const levels = [...terms.levels]
  const bits = [...terms.filters].map(
    ([filter, bit]) => `(case when ${filter} then ${bit} else 0 end)::bigint`,
  )
  const gathered = [
    ...levels.map(([sql, column]) => `array_agg((${sql}) collate "C") as ${column}`),
    `array_agg(${bits.length > 0 ? bits.join(' | ') : '0::bigint'}) as flags`,
  ]
  const positions = Array.from({ length: FEW_ROWS }, (_, i) => i + 1)
  const selects = subsets(positions)
    .filter((set) => set.length >= 2)
    .map((set) => {
      const [first, ...others] = set as [number, ...number[]]
      const meets = levels.map(([, column]) => {
        const agree = others
          .map((k) => `p.${column}[${k}] is not distinct from p.${column}[${first}]`)
          .join(' and ')
        return `case when ${agree} then p.${column}[${first}] else ${DIFFERS} end as ${column}`
      })
      const sign = set.length % 2 === 0 ? -1 : 1
      const flags = set.map((k) => `p.flags[${k}]`).join(' & ')
      return `select ${[...meets, `${sign} as sign`, `${flags} as flags`].join(', ')} from by_person p where p.n >= ${Math.max(...set)}`
    })
  const keys = [...levels.map(([, column]) => column), 'flags'].join(', ')
  return `with by_person as materialized (
  select count(*) as n, ${gathered.join(', ')}
  from ${factTable} f where (${where}) and person_rows between 2 and ${FEW_ROWS} group by ${PERSON_COLUMN})
select ${keys}, sum(sign)::integer as weight from (
${selects.join('\nunion all\n')}) term
group by ${keys} having sum(sign) <> 0`
}

/** Every subset of `items`, in order. */
function subsets<T>(items: readonly T[]): T[][] {
  const all: T[][] = [[]]
  for (const item of items) for (const set of [...all]) all.push([...set, item])
  return all
}
