/**
 * The one SQL statement that aggregates a table (README.md, "Why this query"): additive measures
 * in two stages (the finest cells, then grouping sets over them), distinct persons by grouping
 * sets over the fact rows, on the facts' integer person ids.
 * @module
 */
import { groupingIdSql, groupingSets, groupingSetsClause } from './grouping-sets.ts'
import { type AggregationPlan, codeColumns } from './plan.ts'
import { UNKNOWN_CONTRIBUTOR } from './read-cells.ts'

/**
 * The statement's rows: `grouping_id` (`grouping()` of the code columns), one column per level
 * of every dimension (`d<i>_<j>`, null above the row's level), `by_contributor` and `contributors`
 * (a finest cell's amounts by contributor, a JSON object), each additive measure, and the persons
 * measure.
 */
export function aggregateSql(plan: AggregationPlan): string {
  const codes = codeColumns(plan).join(', ')
  const ctes = [factCte(plan), leafCte(plan), additiveCte(plan)]
  const measures = plan.additive.map((m) => m.name)
  const byContributor = plan.contributor ? `\nunion all\n${byContributorSql(plan)}` : ''
  const head = `grouping_id, ${codes}, false as by_contributor, null::json as contributors`
  if (!plan.persons)
    return `with ${ctes.join(',\n')}\nselect ${head}, ${measures.join(', ')} from additive${byContributor}`
  ctes.push(...personsCtes(plan))
  const name = plan.persons.name
  // Persons of one row (added up) plus the others (counted distinct; no such row: none).
  const merged = [
    ...measures.map((m) => `max(${m}) as ${m}`),
    `max(${SINGLE}) + coalesce(max(${name}), 0) as ${name}`,
  ]
  return `with ${ctes.join(',\n')}
select ${head}, ${merged.join(', ')} from (
  select grouping_id, ${codes}, ${measures.join(', ')}, ${SINGLE}, null::bigint as ${name} from additive
  union all
  select grouping_id, ${codes}, ${measures.map(() => 'null').join(', ')}, null, ${name} from persons
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
  select ${groupingIdSql(plan)} as grouping_id, ${codes.join(', ')}, ${sums}
  from leaf group by ${groupingSetsClause(groupingSets(plan))})`
}

/**
 * Per finest cell (grouping id 0: nothing grouped away), its amounts by contributor as one JSON
 * object, from the leaf rows; zero amounts left out (not a contributor), no organism named as
 * `_inconnu`. One object per cell rather than a row per contributor: about one per fact row when
 * organisms are many (financements of 1 M dossiers: 757,111), and as rows they made the grouping
 * sets and the final merge spill to disk and the client read ~150 times more rows (README.md).
 */
function byContributorSql(plan: AggregationPlan): string {
  const { measure } = plan.contributor!
  const codes = codeColumns(plan).join(', ')
  const amounts = `json_object_agg(coalesce(contributor, '${UNKNOWN_CONTRIBUTOR}'), ${measure}) filter (where ${measure} <> 0)`
  const nulls = [...plan.additive.map(() => 'null'), ...(plan.persons ? ['null'] : [])].join(', ')
  return `select 0, ${codes}, true, ${amounts}, ${nulls} from leaf group by ${codes}`
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
