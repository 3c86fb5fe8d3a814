/**
 * The one SQL statement that aggregates a table (README.md, "Why this query"): additive measures
 * in two stages (the finest cells, then grouping sets over them); distinct persons made additive by
 * inclusion–exclusion over each person's rows, except for persons of many rows, counted distinct
 * by grouping sets over their fact rows.
 * @module
 */
import { FEW_ROWS } from '../facts/sql-parts.ts'
import { groupingIdSql, groupingSets, groupingSetsClause } from './grouping-sets.ts'
import { type AggregationPlan, codeColumns, PERSON_COLUMN, type PersonCount } from './plan.ts'
import { UNKNOWN_CONTRIBUTOR } from './read-cells.ts'

/**
 * The statement's rows: `grouping_id` (`grouping()` of the code columns), one column per level
 * of every dimension (`d<i>_<j>`, null above the row's level), `by_contributor` and `contributors`
 * (a finest cell's amounts by contributor, a JSON object), each additive measure, and each persons
 * count (`plan.personCounts`: the published persons, and those of the rates).
 */
export function aggregateSql(plan: AggregationPlan): string {
  const codes = codeColumns(plan).join(', ')
  const few = fewRows(plan)
  const ctes = [
    factCte(plan),
    leafCte(plan, few),
    ...(few > 1 ? overlapCtes(plan, few) : []),
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
 * Stage 1: the finest cells, by a hash aggregate. A table with a contributor groups the rows by
 * (finest cell, contributor) first (`split`, read twice): the finest cells and their amounts by
 * contributor then come from one scan of the fact rows instead of two (the five financements
 * tables of 1 M dossiers, two at a time: 9.6 s → 8.9 s).
 */
function leafCte(plan: AggregationPlan, few: number): string {
  const keys = codeColumns(plan).join(', ')
  const measures = [...plan.additive.map((m) => `${m.sql} as ${m.name}`), ...rowPersonsSql(plan, few)]
  if (!plan.contributor) return `leaf as (select ${keys}, ${measures.join(', ')} from fact group by ${keys})`
  const sums = [...plan.additive.map((m) => m.name), ...plan.personCounts.map(rowsColumn)]
  return `split as materialized (select ${keys}, contributor, ${measures.join(', ')} from fact group by ${keys}, contributor),
leaf as (select ${keys}, ${sums.map((m) => `sum(${m}) as ${m}`).join(', ')} from split group by ${keys})`
}

/**
 * Persons of at most `FEW_ROWS` fact rows (`person_rows`, facts/README.md) are counted by
 * inclusion–exclusion over their rows: each row adds one person to every cell holding it (a
 * `rowsColumn` of the leaf and additive CTEs, one per persons count), each pair of a person's rows
 * takes one away from every cell holding both, each triple adds one back (`overlapCtes`). All of it
 * adds up from the finest cells, so these persons need no `count(distinct)`. Exact whatever the
 * table's filter: a person's rows in any part of the fact table are at most its `person_rows`.
 * A count of the persons among rows where a filter holds (a rate's numerator) counts a row only
 * where its filter holds, and a pair or a triple only where it holds for all of them.
 */
function rowsColumn(count: PersonCount): string {
  return `rows_${count.name}`
}

/**
 * How many rows a person may have and still be added up in this table: `FEW_ROWS` when the table
 * counts persons (published, or the persons of its rates), 1 (no overlaps) otherwise. The overlaps cost a pass over the persons' rows
 * (read in person order through the fact table's index, no sort), whatever the table;
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

function rowPersonsSql(plan: AggregationPlan, few: number): string[] {
  return plan.personCounts.map(
    (c) =>
      `count(*) filter (where person_rows <= ${few}${c.filter === undefined ? '' : ` and ${c.filter}`}) as ${rowsColumn(c)}`,
  )
}

/**
 * Stage 2: every cell at every level from the finest cells, and from the overlaps of persons' rows
 * (`overlapCtes`), whose cells where those rows do not meet are dropped.
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

/** Marks a code where a person's rows differ: no code is a control character. */
const DIFFERS = 'chr(1)'

/**
 * The overlaps of the rows of persons of 2 to `FEW_ROWS` rows, for the inclusion–exclusion count
 * (`rowPersonsSql`), by finest cell: −1 per pair of a person's rows, +1 per triple, in the cell
 * where they meet. Per dimension, the meeting point keeps the levels (top down) on which all of
 * them agree and marks the finer ones `DIFFERS`; a cell that groups a marked level is dropped
 * (`additiveCte`): those rows are not all in any one cell of that grouping set.
 *
 * A person's rows (those in the table's population) come together as one row of arrays, one per
 * code column, all in the same order (`array_agg` over the same group): element `i` of every
 * array is the person's `i`-th row, and every pair and triple of positions is one term. The fact
 * tables are stored in person order with an index on the person of these rows (buildFacts), so the
 * grouping reads them in order without a sort or a hash. One row per person rather than a window
 * with `lag` over every row: ~254,000 rows instead of ~551,000 to materialize and scan, and no
 * fetch of earlier rows (the 51 tables of 1 M dossiers two at a time: 41.5 s → 38.3 s).
 */
function overlapCtes(plan: AggregationPlan, few: number): string[] {
  const codes = codeColumns(plan)
  const counted = plan.personCounts
  // The filters of a row as the bits of one integer (bit i: counted[i]'s filter holds), one array
  // per person instead of one per filter.
  if (counted.length > 30) throw new Error(`${counted.length} persons counts: at most 30 fit in a row's bits`)
  const bits = counted.flatMap((c, i) =>
    c.filter === undefined ? [] : [`(case when ${c.filter} then ${2 ** i} else 0 end)`],
  )
  const flags = bits.length > 0 ? [`array_agg(${bits.join(' | ')}) as flags`] : []
  const positions = Array.from({ length: few }, (_, i) => i + 1)
  const terms = subsets(positions).filter((set) => set.length >= 2)
  const meets = terms.map((set) => {
    const [first, ...others] = set as [number, ...number[]]
    const meet = plan.dimensions.flatMap((d) =>
      d.levels.map((level, j) => {
        const agree = d.levels
          .slice(0, j + 1)
          .flatMap((l) =>
            others.map((k) => `p.${l.column}[${k}] is not distinct from p.${l.column}[${first}]`),
          )
        return `case when ${agree.join(' and ')} then p.${level.column}[${first}] else ${DIFFERS} end as ${level.column}`
      }),
    )
    const sign = set.length % 2 === 0 ? -1 : 1
    // A filtered count takes the term only where the filter holds for every row of it.
    const weights = counted.map((c, i) =>
      c.filter === undefined
        ? `${sign} as ${rowsColumn(c)}`
        : `case when (${set.map((k) => `p.flags[${k}]`).join(' & ')} & ${2 ** i}) <> 0 then ${sign} else 0 end as ${rowsColumn(c)}`,
    )
    return `select ${[...meet, ...weights].join(', ')} from by_person p where p.n >= ${Math.max(...set)}`
  })
  return [
    `by_person as materialized (
  select count(*) as n, ${[...codes.map((c) => `array_agg(${c}) as ${c}`), ...flags].join(', ')}
  from fact where person_rows between 2 and ${few} group by ${PERSON_COLUMN})`,
    `overlap_leaf as (
  select ${codes.join(', ')}, ${counted.map((c) => `sum(${rowsColumn(c)}) as ${rowsColumn(c)}`).join(', ')}
  from (${meets.join('\n    union all ')}) m group by ${codes.join(', ')})`,
  ]
}

/** Every subset of `items`, in order. */
function subsets<T>(items: readonly T[]): T[][] {
  const all: T[][] = [[]]
  for (const item of items) for (const set of [...all]) all.push([...set, item])
  return all
}
