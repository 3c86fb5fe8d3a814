/**
 * The one SQL statement that aggregates a table (README.md, "Why this query"): additive measures
 * in two stages (the finest cells, then grouping sets over them), distinct persons by grouping
 * sets over the fact rows, on the facts' integer person ids.
 * @module
 */
import { groupingIdSql, groupingSets, groupingSetsClause } from './grouping-sets.ts'
import { type AggregationPlan, codeColumns } from './plan.ts'

/**
 * The statement's rows: `grouping_id` (`grouping()` of the code columns), one column per level
 * of every dimension (`d<i>_<j>`, null above the row's level), `by_contributor` and `contributor`
 * (a finest cell split by contributor), each additive measure, and the persons measure.
 */
export function aggregateSql(plan: AggregationPlan): string {
  const codes = codeColumns(plan).join(', ')
  const ctes = [factCte(plan), leafCte(plan), additiveCte(plan)]
  const byContributor = plan.contributor ? `\nunion all\n${byContributorSql(plan)}` : ''
  if (!plan.persons) return `with ${ctes.join(',\n')}\nselect * from additive${byContributor}`
  ctes.push(...personsCtes(plan))
  const measures = plan.additive.map((m) => m.name)
  const name = plan.persons.name
  // Persons of one row (added up) plus the others (counted distinct; no such row: none).
  const merged = [
    ...measures.map((m) => `max(${m}) as ${m}`),
    `max(${SINGLE}) + coalesce(max(${name}), 0) as ${name}`,
  ]
  return `with ${ctes.join(',\n')}
select grouping_id, ${codes}, by_contributor, contributor, ${merged.join(', ')} from (
  select grouping_id, ${codes}, by_contributor, contributor, ${measures.join(', ')}, ${SINGLE}, null::bigint as ${name} from additive
  union all
  select grouping_id, ${codes}, false, null, ${measures.map(() => 'null').join(', ')}, null, ${name} from persons
) parts
group by grouping_id, ${codes}, by_contributor, contributor${byContributor}`
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

/** Stage 1: the finest cells (split by contributor when there is one), by a hash aggregate. */
function leafCte(plan: AggregationPlan): string {
  const keys = [...codeColumns(plan), ...(plan.contributor ? ['contributor'] : [])].join(', ')
  const measures = [...plan.additive.map((m) => `${m.sql} as ${m.name}`), ...singleSql(plan)].join(', ')
  return `leaf as (select ${keys}, ${measures} from fact group by ${keys})`
}

/**
 * Persons of one fact row (`person_rows`, facts/README.md) are one person in each cell holding
 * their row: they add up like rows, as `single_persons`, a column of the leaf and additive CTEs
 * only. Exact whatever the table's filter: a person of one row in the fact table has at most one
 * in any part of it.
 */
const SINGLE = 'single_persons'

function singleSql(plan: AggregationPlan): string[] {
  return plan.persons ? [`count(*) filter (where person_rows = 1) as ${SINGLE}`] : []
}

/** Stage 2: every cell at every level from the finest cells. */
function additiveCte(plan: AggregationPlan): string {
  const codes = codeColumns(plan)
  const sums = [...plan.additive.map((m) => m.name), ...(plan.persons ? [SINGLE] : [])]
    .map((m) => `sum(${m}) as ${m}`)
    .join(', ')
  return `additive as (
  select ${groupingIdSql(plan)} as grouping_id, ${codes.join(', ')}, false as by_contributor, null::text as contributor, ${sums}
  from leaf group by ${groupingSetsClause(groupingSets(plan))})`
}

/**
 * The finest cells by contributor are the leaf rows themselves (grouping id 0: nothing grouped
 * away). Taken straight from the leaf rather than as one more grouping set: as a set they made the
 * grouping-sets aggregate and the final merge spill to disk, as there is about one per fact row
 * when organisms are many (financements of 1 M dossiers: 757,111 rows, 15.8 s → see README.md).
 */
function byContributorSql(plan: AggregationPlan): string {
  const codes = codeColumns(plan).join(', ')
  const measures = plan.additive.map((m) => m.name).join(', ')
  const persons = plan.persons ? `, null::bigint as ${plan.persons.name}` : ''
  return `select 0 as grouping_id, ${codes}, true as by_contributor, contributor, ${measures}${persons} from leaf`
}

/**
 * Distinct persons cannot be summed from finer cells: they are counted on the fact rows, by
 * grouping sets with `count(distinct)`, whose per-group sorts dominate. The counted column is the
 * fact tables' integer `person_id` (facts/README.md), about twice as fast to sort as the text keys.
 */
function personsCtes(plan: AggregationPlan): string[] {
  const persons = plan.persons!
  return [
    `persons as (
  select ${groupingIdSql(plan)} as grouping_id, ${codeColumns(plan).join(', ')}, count(distinct ${persons.column}) as ${persons.name}
  from fact where person_rows > 1 group by ${groupingSetsClause(groupingSets(plan))})`,
  ]
}
