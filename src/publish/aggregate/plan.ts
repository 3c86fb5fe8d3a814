/**
 * What one table's aggregation computes, from its definition and the catalogue: the SQL of every
 * level kept of every dimension, the additive measures, the persons column and the contributor.
 * Pure; every SQL fragment comes from catalogue constants, never from user text.
 * @module
 */
import {
  DIMENSIONS,
  type DimensionName,
  MEASURES,
  type MeasureName,
  POPULATIONS,
  type Population,
} from '../definition/catalogue.ts'
import type { TableDefinition } from '../definition/types.ts'

/** The magnitude the dominance rules protect, split by the population's contributor. */
export const DOMINANCE_MEASURE: MeasureName = 'montant_engage'

/** A dimension of the table, its levels from the top down to the table's depth. */
export interface PlannedDimension {
  readonly name: DimensionName
  /** Per level kept: its name, its SQL (with `$date` replaced) and the result column naming it. */
  readonly levels: readonly { readonly name: string; readonly sql: string; readonly column: string }[]
}

/**
 * Distinct persons of a cell among the population's rows where `filter` holds (every row when it
 * is omitted). `filter` is built from catalogue flags only, null-safe.
 */
export interface PersonCount {
  readonly name: string
  readonly filter?: string
}

/** The `personCounts` that count a rate's persons: its numerator, its denominator, its complement. */
export interface RatePersons {
  readonly rate: MeasureName
  readonly numerator: string
  readonly denominator: string
  readonly complement: string
}

/** Everything the SQL builder and the row reader need. */
export interface AggregationPlan {
  readonly population: Population
  readonly dimensions: readonly PlannedDimension[]
  /** The count measure, then the table's `sum` measures, in table order: summed to margins. */
  readonly additive: readonly { readonly name: MeasureName; readonly sql: string }[]
  /** Distinct persons, when the table publishes them: the measure and the fact column counted. */
  readonly persons?: { readonly name: MeasureName; readonly column: string }
  /** Per-contributor amounts of `measure` at the finest level, for dominance rules. */
  readonly contributor?: { readonly column: string; readonly measure: MeasureName }
  /**
   * Every distinct count of persons the table needs: the published persons measure first (no
   * filter), then those of its rates, which the rate rule counts in persons (DOMAIN.md) and which
   * are not published. One count per filter, shared by the rates that need it.
   */
  readonly personCounts: readonly PersonCount[]
  /** Per rate of the table, the names of its persons counts. */
  readonly ratePersons: readonly RatePersons[]
}

/**
 * Plans a table checked by the definition step. Throws on what that check rules out (an unknown
 * depth, a rate whose operands are not in the table, no dimension): a bug, not a data issue.
 *
 * @example
 * planTable({ population: 'entrees', dimensions: [{ name: 'sexe' }], measures: ['nb_entrees'], … })
 * // { additive: [{ name: 'nb_entrees', sql: 'count(*)' }], dimensions: [{ name: 'sexe', levels: [{ column: 'd0_0', sql: 'sex', … }] }], … }
 */
export function planTable(table: TableDefinition): AggregationPlan {
  const population = POPULATIONS[table.population]
  if (table.dimensions.length === 0) throw new Error(`table ${table.name}: no dimension`)
  const dimensions = table.dimensions.map(({ name, depth }, i): PlannedDimension => {
    const all = DIMENSIONS[name].levels
    const cut = depth === undefined ? all.length - 1 : all.findIndex((l) => l.name === depth)
    if (cut < 0) throw new Error(`table ${table.name}: dimension ${name} has no level ${depth}`)
    return {
      name,
      levels: all.slice(0, cut + 1).map((level, j) => ({
        name: level.name,
        sql: level.sql.replaceAll('$date', population.periodDate),
        column: `d${i}_${j}`,
      })),
    }
  })
  const additive: { name: MeasureName; sql: string }[] = []
  let persons: AggregationPlan['persons']
  for (const name of table.measures) {
    const measure = MEASURES[name].measure
    if (!('sql' in measure)) {
      // A rate or a ratio: computed later from its operands, which the table must have.
      const { numerator, denominator } = measure
      if (!table.measures.includes(numerator) || !table.measures.includes(denominator))
        throw new Error(`table ${table.name}: ${name} needs ${numerator} and ${denominator}`)
    } else if (measure.kind === 'persons') {
      persons = { name, column: countedColumn(name, measure.sql) }
    } else {
      additive.push({ name, sql: measure.sql })
    }
  }
  const contributor =
    population.contributor && table.measures.includes(DOMINANCE_MEASURE)
      ? { column: population.contributor, measure: DOMINANCE_MEASURE }
      : undefined
  const { personCounts, ratePersons } = planPersons(table, persons)
  return {
    population,
    dimensions,
    additive,
    ...(persons ? { persons } : {}),
    ...(contributor ? { contributor } : {}),
    personCounts,
    ratePersons,
  }
}

/**
 * The persons counts of a table: its published persons measure, and per rate those of its
 * numerator (units with the outcome), denominator and complement (units of the denominator
 * without the outcome). A rate's operands are the population's count (every row) or counts of a
 * fact flag; a person is in a count when one of its rows of the cell is.
 */
function planPersons(
  table: TableDefinition,
  persons: AggregationPlan['persons'],
): { personCounts: PersonCount[]; ratePersons: RatePersons[] } {
  const counts = new Map<string, PersonCount>()
  if (persons) counts.set('', { name: persons.name })
  const named = (name: string, filter: string | undefined): string => {
    const found = counts.get(filter ?? '')
    if (found) return found.name
    counts.set(filter ?? '', { name, ...(filter === undefined ? {} : { filter }) })
    return name
  }
  const ratePersons = table.measures.flatMap((name): RatePersons[] => {
    const measure = MEASURES[name].measure
    if (measure.kind !== 'rate') return []
    const numerator = flagOf(table, measure.numerator)
    if (numerator === undefined) throw new Error(`table ${table.name}: rate ${name} over every row`)
    const denominator = flagOf(table, measure.denominator)
    const has = (flag: string) => `coalesce(${flag}, false)`
    const without = `not ${has(numerator)}`
    return [
      {
        rate: name,
        numerator: named(`personnes_${numerator}`, has(numerator)),
        denominator: named(
          `personnes_${denominator ?? 'toutes'}`,
          denominator === undefined ? undefined : has(denominator),
        ),
        complement: named(
          `personnes_${denominator ?? 'toutes'}_sans_${numerator}`,
          denominator === undefined ? without : `${has(denominator)} and ${without}`,
        ),
      },
    ]
  })
  return { personCounts: [...counts.values()], ratePersons }
}

/** The fact flag a rate's operand counts the rows of; undefined for the population's count. */
function flagOf(table: TableDefinition, name: MeasureName): string | undefined {
  const measure = MEASURES[name].measure
  if (measure.kind === 'count') return undefined
  if (measure.kind === 'sum' && measure.flag !== undefined) return measure.flag
  throw new Error(`table ${table.name}: ${name} is no count of rows, a rate cannot count its persons`)
}

/** The facts' integer person column, which every persons count counts distinct. */
export const PERSON_COLUMN = 'person_id'

/**
 * The column of `count(distinct person_id)`, counted per cell: the facts' integer `person_id`, the
 * only one the aggregation can split by the facts' `person_rows` (aggregate-sql.ts).
 */
function countedColumn(name: MeasureName, sql: string): string {
  if (sql !== 'count(distinct person_id)')
    throw new Error(`measure ${name}: expected count(distinct person_id), got ${sql}`)
  return PERSON_COLUMN
}

/** Every result column naming a code, dimension by dimension, level by level. */
export function codeColumns(plan: AggregationPlan): string[] {
  return plan.dimensions.flatMap((d) => d.levels.map((l) => l.column))
}

/** Plans of one population and the SQL of every level they use, in first-seen order. */
export interface PopulationPlans {
  readonly population: Population
  readonly plans: readonly AggregationPlan[]
  readonly levels: readonly string[]
}

/**
 * The plans grouped by population, populations and levels in first-seen order (the overlap terms'
 * and the leaves' work tables hold every level their population's tables use).
 */
export function plansByPopulation(plans: readonly AggregationPlan[]): PopulationPlans[] {
  const out = new Map<string, { population: Population; plans: AggregationPlan[]; levels: Set<string> }>()
  for (const plan of plans) {
    let entry = out.get(plan.population.name)
    if (!entry) {
      entry = { population: plan.population, plans: [], levels: new Set() }
      out.set(plan.population.name, entry)
    }
    entry.plans.push(plan)
    for (const dimension of plan.dimensions) for (const level of dimension.levels) entry.levels.add(level.sql)
  }
  return [...out.values()].map((e) => ({ population: e.population, plans: e.plans, levels: [...e.levels] }))
}
