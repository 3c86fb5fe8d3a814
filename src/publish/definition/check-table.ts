/**
 * One table of a dataset against the vocabulary of catalogue.ts: its population, dimensions
 * (available on the population's fact table, cut at a known level) and measures (of the
 * population, count first, rates with their operands).
 * @module
 */
import {
  DIMENSIONS,
  type DimensionName,
  MEASURES,
  type MeasureName,
  POPULATIONS,
  type PopulationName,
} from './catalogue.ts'
import { at, issue, type Location } from './definition-issue.ts'
import { asList, asObject, asText, checkFields, checkUnique, type Issues } from './json-checks.ts'
import type { TableDefinition, TableDimension } from './types.ts'

/** File names of tables: snake_case. */
export const TABLE_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/
/** A table crosses a few dimensions: each adds a factor to its size. */
export const MAX_DIMENSIONS = 4

const has = <K extends string>(record: Readonly<Record<K, unknown>>, key: string): key is K =>
  Object.hasOwn(record, key)

function readDimension(value: unknown, location: Location, issues: Issues): TableDimension | undefined {
  const object = asObject(value, location, issues)
  if (!object || !checkFields(object, location, issues, ['name', 'depth'], ['name'])) return undefined
  const name = asText(object.name, at(location, 'name'), issues)
  if (name === undefined) return undefined
  if (!has(DIMENSIONS, name)) {
    const message = `unknown dimension: ${name} (catalogue: ${Object.keys(DIMENSIONS).join(', ')})`
    issues.push(issue(at(location, 'name'), 'definition/unknown-dimension', message))
    return undefined
  }
  if (object.depth === undefined) return { name }
  const depth = asText(object.depth, at(location, 'depth'), issues)
  if (depth === undefined) return undefined
  const levels = DIMENSIONS[name].levels.map((l) => l.name)
  if (!levels.includes(depth)) {
    const message = `unknown level of ${name}: ${depth} (levels: ${levels.join(', ')})`
    issues.push(issue(at(location, 'depth'), 'definition/unknown-level', message))
    return undefined
  }
  return { name, depth }
}

function readMeasure(value: unknown, location: Location, issues: Issues): MeasureName | undefined {
  const name = asText(value, location, issues)
  if (name === undefined) return undefined
  if (has(MEASURES, name)) return name
  issues.push(issue(location, 'definition/unknown-measure', `unknown measure: ${name}`))
  return undefined
}

/** The level a dimension of a table is cut at: its depth, else its deepest level. */
export function levelOf(dimension: TableDimension): string {
  const levels = DIMENSIONS[dimension.name].levels
  return dimension.depth ?? levels[levels.length - 1]!.name
}

/** Reads and checks a table; undefined when it cannot be read. */
export function checkTable(value: unknown, location: Location, issues: Issues): TableDefinition | undefined {
  const object = asObject(value, location, issues)
  if (!object) return undefined
  const fields = ['name', 'title', 'description', 'population', 'dimensions', 'measures']
  checkFields(object, location, issues, fields, fields)
  const before = issues.length
  const name = object.name === undefined ? undefined : asText(object.name, at(location, 'name'), issues)
  const title = object.title === undefined ? undefined : asText(object.title, at(location, 'title'), issues)
  const description =
    object.description === undefined
      ? undefined
      : asText(object.description, at(location, 'description'), issues)
  let population: PopulationName | undefined
  if (object.population !== undefined) {
    const p = asText(object.population, at(location, 'population'), issues)
    if (p !== undefined && has(POPULATIONS, p)) population = p
    else if (p !== undefined) {
      const message = `unknown population: ${p} (catalogue: ${Object.keys(POPULATIONS).join(', ')})`
      issues.push(issue(at(location, 'population'), 'definition/unknown-population', message))
    }
  }
  const dimensions =
    object.dimensions === undefined
      ? undefined
      : asList(object.dimensions, at(location, 'dimensions'), issues, (v, l) => {
          const d = readDimension(v, l, issues)
          return d === undefined ? undefined : { value: d, location: l }
        })
  const measures =
    object.measures === undefined
      ? undefined
      : asList(object.measures, at(location, 'measures'), issues, (v, l) => {
          const m = readMeasure(v, l, issues)
          return m === undefined ? undefined : { value: m, location: l }
        })
  const readIssues = issues.length
  if (name !== undefined && !TABLE_NAME.test(name)) {
    const message = `table name ${name} does not match ${TABLE_NAME.source} (snake_case)`
    issues.push(issue(at(location, 'name'), 'definition/bad-pattern', message))
  }
  // Cross-field rules only on a table read without error: a dropped item would mislead them.
  if (readIssues > before || !name || !title || !description || !population || !dimensions || !measures)
    return undefined
  checkDimensions(dimensions, population, location, issues)
  checkMeasures(measures, population, issues)
  if (issues.length > before) return undefined
  return {
    name,
    title,
    description,
    population,
    dimensions: dimensions.map((d) => d.value),
    measures: measures.map((m) => m.value),
  }
}

type Located<T> = { value: T; location: Location }

function checkDimensions(
  dimensions: readonly Located<TableDimension>[],
  population: PopulationName,
  table: Location,
  issues: Issues,
): void {
  checkUnique(dimensions, (d) => d.name, 'dimension', issues)
  if (dimensions.length > MAX_DIMENSIONS) {
    const message = `${dimensions.length} dimensions: a table crosses at most ${MAX_DIMENSIONS}`
    issues.push(issue(at(table, 'dimensions'), 'definition/too-many-dimensions', message))
  }
  const fact = POPULATIONS[population].factTable
  for (const { value, location } of dimensions) {
    if (!DIMENSIONS[value.name].facts.includes(fact)) {
      const message = `dimension ${value.name} is not available on ${fact}, the fact table of population ${population}`
      issues.push(issue(at(location, 'name'), 'definition/dimension-fact', message))
    }
  }
  const finest = (name: DimensionName, level: string) =>
    dimensions.find((d) => d.value.name === name && levelOf(d.value) === level)
  // Communes (~35,000) and organisms (up to ~40,000) make tables of that many cells per code of
  // every other dimension: only years may be crossed with communes, nothing with organisms.
  const commune = finest('territoire', 'commune')
  const others = dimensions.filter((d) => d !== commune)
  if (commune && others.some((d) => !(d.value.name === 'periode' && levelOf(d.value) === 'annee'))) {
    const message =
      'territoire at level commune may only be crossed with periode at level annee (set a depth)'
    issues.push(issue(at(commune.location, 'depth'), 'definition/too-detailed', message))
  }
  const organism = finest('organisme', 'organisme')
  if (organism && dimensions.length > 1) {
    const message =
      'organisme at level organisme may not be crossed with another dimension (set depth region)'
    issues.push(issue(at(organism.location, 'depth'), 'definition/too-detailed', message))
  }
}

function checkMeasures(
  measures: readonly Located<MeasureName>[],
  population: PopulationName,
  issues: Issues,
): void {
  checkUnique(measures, (m) => m, 'measure', issues)
  const count = POPULATIONS[population].count
  const first = measures[0]!
  if (first.value !== count) {
    const message = `first measure is ${first.value}: the first measure of a table on population ${population} is its count, ${count}`
    issues.push(issue(first.location, 'definition/count-not-first', message))
  }
  const names = new Set(measures.map((m) => m.value))
  for (const { value, location } of measures) {
    const info = MEASURES[value]
    if (!info.populations.includes(population)) {
      const message = `measure ${value} is not of population ${population} (its populations: ${info.populations.join(', ')})`
      issues.push(issue(location, 'definition/measure-population', message))
    }
    const m = info.measure
    if (m.kind !== 'rate' && m.kind !== 'ratio') continue
    for (const operand of [m.numerator, m.denominator]) {
      if (!names.has(operand)) {
        const message = `${m.kind} ${value} needs ${operand} in the same table (${m.numerator} / ${m.denominator})`
        issues.push(issue(location, 'definition/rate-operand', message))
      }
    }
  }
}
