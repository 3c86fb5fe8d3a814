/**
 * The one SQL statement that aggregates a table (README.md, "Why this query"): additive measures
 * in two stages (the finest cells, then grouping sets over them); distinct persons made additive by
 * inclusion–exclusion over each person's rows, except for persons of many rows, counted distinct
 * by grouping sets over their fact rows.
 * @module
 */
import { FEW_ROWS } from '../facts/sql-parts.ts'
import { groupingIdSql, groupingSets, groupingSetsClause } from './grouping-sets.ts'
import { DIFFERS, type OverlapTerms } from './overlap-terms.ts'
import { type AggregationPlan, codeColumns, PERSON_COLUMN } from './plan.ts'
import { leafMeasures, leavesSelect, type PopulationLeaves, rowsColumn } from './population-leaves.ts'
import { UNKNOWN_CONTRIBUTOR } from './read-cells.ts'

/**
 * The statement's rows: `grouping_id` (`grouping()` of the code columns), one column per level
 * of every dimension (`d<i>_<j>`, null above the row's level), `by_contributor` and `contributors`
 * (a finest cell's amounts by contributor, a JSON object), each additive measure, and each persons
 * count (`plan.personCounts`: the published persons, and those of the rates). A table that adds up
 * its persons (`fewRows` > 1) reads its overlaps from its population's `terms` (overlap-terms.ts);
 * given its population's `leaves` (population-leaves.ts), a table without contributor reads its
 * finest cells there instead of grouping the fact rows.
 */
export function aggregateSql(plan: AggregationPlan, terms?: OverlapTerms, leaves?: PopulationLeaves): string {
  const codes = codeColumns(plan).join(', ')
  const few = fewRows(plan)
  const ctes = [
    factCte(plan),
    leafCte(plan, few, leaves),
    ...(few > 1 ? [overlapCte(plan, terms)] : []),
    additiveCte(plan, few),
  ]
  const measures = plan.additive.map((m) => m.name)
  const byContributor = plan.contributor ? `\nunion all\n${byContributorSql(plan)}` : ''
  const head = `grouping_id, ${codes}, false as by_contributor, null::json as contributors`
  const counted = plan.personCounts
  if (counted.length === 0)
    return `with ${ctes.join(',\n')}\nselect ${head}, ${measures.join(', ')} from additive${byContributor}`
  ctes.push(personsCte(plan, few))
  const rows = counted.map(rowsColumn)
  const names = counted.map((c) => c.name)
  const nulls = (list: readonly string[]) => list.map(() => 'null')
  // Persons of few rows (added up) plus those of many (counted distinct; none in a cell: none).
  const merged = [
    ...measures.map((m) => `max(${m}) as ${m}`),
    ...counted.map((c) => `max(${rowsColumn(c)}) + coalesce(max(${c.name}), 0) as ${c.name}`),
  ]
  return `with ${ctes.join(',\n')}
select ${head}, ${merged.join(', ')} from (
  select grouping_id, ${codes}, ${[...measures, ...rows, ...names.map((n) => `null::bigint as ${n}`)].join(', ')} from additive
  union all
  select grouping_id, ${codes}, ${[...nulls(measures), ...nulls(rows), ...names].join(', ')} from persons
) parts
group by grouping_id, ${codes}${byContributor}`
}

/**
 * The population's rows with their codes. Codes are compared byte by byte (`collate "C"`): the
 * same groups, but sorts ~1.4× faster than under a `C.UTF-8` locale (README.md).
 */
function factCte(plan: AggregationPlan): string {
  const levels = plan.dimensions.flatMap((d) => d.levels.map((l) => `(${l.sql}) collate "C" as ${l.column}`))
  const contributor = plan.contributor ? `${plan.contributor.column} as contributor, ` : ''
  const { factTable, where } = plan.population
  return `fact as not materialized (
  select ${levels.join(', ')}, ${contributor}f.* from ${factTable} f where ${where})`
}

/**
 * Stage 1: the finest cells: the table's set of its population's leaves (population-leaves.ts), or,
 * without them, a hash aggregate of the fact rows. A table with a contributor groups the rows by
 * (finest cell, contributor) first (`split`, read twice): the finest cells and their amounts by
 * contributor then come from one scan of the fact rows instead of two (the five financements
 * tables of 1 M dossiers, two at a time: 9.6 s → 8.9 s).
 */
function leafCte(plan: AggregationPlan, few: number, leaves: PopulationLeaves | undefined): string {
  const keys = codeColumns(plan).join(', ')
  const measures = leafMeasures(plan, few).map(([sql, name]) => `${sql} as ${name}`)
  if (!plan.contributor) {
    if (leaves === undefined)
      return `leaf as (select ${keys}, ${measures.join(', ')} from fact group by ${keys})`
    return `leaf as (${leavesSelect(leaves, plan, few)})`
  }
  const sums = [...plan.additive.map((m) => m.name), ...plan.personCounts.map(rowsColumn)]
  return `split as materialized (select ${keys}, contributor, ${measures.join(', ')} from fact group by ${keys}, contributor),
leaf as (select ${keys}, ${sums.map((m) => `sum(${m}) as ${m}`).join(', ')} from split group by ${keys})`
}

/**
 * How many rows a person may have and still be added up in this table: `FEW_ROWS` when the table
 * counts persons (published, or the persons of its rates), 1 (no overlaps) otherwise. The overlaps cost a pass over the persons' rows
 * (read in person order through the fact table's index, no sort; since 2026-12-06 once per
 * population, overlap-terms.ts), whatever the table;
 * `count(distinct)` costs a sort per chain of grouping sets, which PostgreSQL spreads over parallel
 * workers (the overlaps run in one process). Alone, the distinct count was quicker in tables of
 * few sets; but `passerelle publish` runs two tables at once on a 2-core machine, where there is
 * no idle core for those workers and the CPU each statement takes is what counts: measured so on
 * the 51 tables of 1 M dossiers, the overlaps everywhere take 47 s against 60 s with them only
 * from 12 sets up (README.md).
 */
export function fewRows(plan: AggregationPlan): number {
  return plan.personCounts.length > 0 ? FEW_ROWS : 1
}

/**
 * Stage 2: every cell at every level from the finest cells, and from the overlaps of persons' rows
 * (`overlapCte`), whose cells where those rows do not meet are dropped.
 */
function additiveCte(plan: AggregationPlan, few: number): string {
  const codes = codeColumns(plan)
  const rows = plan.personCounts.map(rowsColumn)
  const sums = [...plan.additive.map((m) => m.name), ...rows]
  const grouped = `select ${groupingIdSql(plan)} as grouping_id, ${codes.join(', ')}, ${sums.map((m) => `sum(${m}) as ${m}`).join(', ')}`
  const sets = groupingSetsClause(groupingSets(plan))
  if (few === 1) return `additive as (\n  ${grouped}\n  from leaf group by ${sets})`
  const overlaps = `select ${codes.join(', ')}, ${[...plan.additive.map((m) => `null as ${m.name}`), ...rows].join(', ')} from overlap_leaf`
  const marked = codes.map((c) => `${c} = ${DIFFERS}`).join(' or ')
  return `additive as (select * from (
  ${grouped}
  from (select ${codes.join(', ')}, ${sums.join(', ')} from leaf union all ${overlaps}) rows
  group by ${sets}) cells
  where (${marked}) is not true)`
}

/**
 * Per finest cell (grouping id 0: nothing grouped away), its amounts by contributor as one JSON
 * object; zero amounts left out (not a contributor), no organism named as `_inconnu`. One object
 * per cell rather than a row per contributor: about one per fact row when organisms are many
 * (financements of 1 M dossiers: 757,111). Only the finest cells are split by contributor (`split`,
 * `leafCte`), not the grouping sets: split, those ran on nearly as many rows as the fact rows and
 * cost as much as grouping the rows themselves (README.md).
 */
function byContributorSql(plan: AggregationPlan): string {
  const { measure } = plan.contributor!
  if (!plan.additive.some((m) => m.name === measure))
    throw new Error(`contributor measure ${measure} is not an additive measure of the table`)
  const codes = codeColumns(plan).join(', ')
  const amounts = `json_object_agg(coalesce(contributor, '${UNKNOWN_CONTRIBUTOR}'), ${measure}) filter (where ${measure} <> 0)`
  const nulls = [...plan.additive, ...plan.personCounts].map(() => 'null').join(', ')
  return `select 0, ${codes}, true, ${amounts}, ${nulls} from split group by ${codes}`
}

/**
 * Persons of more than `FEW_ROWS` rows cannot be added up cheaply: they are counted on their fact
 * rows by grouping sets with `count(distinct)`, whose per-group sorts are costly (README.md), but
 * they are few. The counted column is the fact tables' integer `person_id` (facts/README.md).
 */
function personsCte(plan: AggregationPlan, few: number): string {
  const counts = plan.personCounts.map(
    (c) =>
      `count(distinct ${PERSON_COLUMN})${c.filter === undefined ? '' : ` filter (where ${c.filter})`} as ${c.name}`,
  )
  return `persons as (
  select ${groupingIdSql(plan)} as grouping_id, ${codeColumns(plan).join(', ')}, ${counts.join(', ')}
  from fact where person_rows > ${few} group by ${groupingSetsClause(groupingSets(plan))})`
}

/**
 * The overlaps of the rows of persons of 2 to `FEW_ROWS` rows, for the inclusion–exclusion count
 * (`leafMeasures`), by finest cell: −1 per pair of a person's rows, +1 per triple, −1 per
 * quadruple, in the cell
 * where they meet, read from the population's terms (overlap-terms.ts), built once for all its
 * tables. Per dimension, the meeting point keeps the levels (top down) on which all of them agree
 * and marks the finer ones `DIFFERS`; a cell that groups a marked level is dropped
 * (`additiveCte`): those rows are not all in any one cell of that grouping set. A filtered count
 * takes a term only where its filter holds on every row of it.
 */
function overlapCte(plan: AggregationPlan, terms: OverlapTerms | undefined): string {
  if (terms?.population.name !== plan.population.name)
    throw new Error(`population ${plan.population.name}: its overlap terms are missing`)
  const meetOf = (sql: string): string => {
    const column = terms.levels.get(sql)
    if (column === undefined) throw new Error(`overlap terms of ${plan.population.name}: no level ${sql}`)
    return `t.${column}`
  }
  const codes = plan.dimensions.flatMap((d) =>
    d.levels.map((level, j) => {
      const meet = meetOf(level.sql)
      if (j === 0) return `${meet} as ${level.column}`
      const above = d.levels.slice(0, j + 1).map((l) => `${meetOf(l.sql)} = ${DIFFERS}`)
      return `case when ${above.join(' or ')} then ${DIFFERS} else ${meet} end as ${level.column}`
    }),
  )
  const weights = plan.personCounts.map((c) => {
    if (c.filter === undefined) return `sum(t.weight) as ${rowsColumn(c)}`
    const bit = terms.filters.get(c.filter)
    if (bit === undefined) throw new Error(`overlap terms of ${plan.population.name}: no filter ${c.filter}`)
    return `sum(case when t.flags & ${bit} <> 0 then t.weight else 0 end) as ${rowsColumn(c)}`
  })
  return `overlap_leaf as (
  select ${[...codes, ...weights].join(', ')}
  from ${terms.table} t group by ${codeColumns(plan).join(', ')})`
}
