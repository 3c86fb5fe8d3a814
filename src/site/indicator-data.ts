import { findTable, type TableRef } from './find-table.ts'
import { type ValueKind, valueKind } from './format.ts'
import type { Indicator } from './indicators.ts'
import type { PackageField, Published, Row, TableData } from './published.ts'
import { cell, isYear, publishedValue, slice, TOTAL, territoryLevel } from './table-rows.ts'

/** One view of an indicator: the table it reads and the rows shown, code → row. */
export interface IndicatorView {
  readonly ref: TableRef
  readonly rows: ReadonlyMap<string, Row>
}

/** The figures of an indicator the pages show, read from the published tables. */
export interface IndicatorData {
  readonly indicator: Indicator
  readonly field: PackageField
  readonly kind: ValueKind
  /** Whether the measure has a 95 % confidence interval. */
  readonly interval: boolean
  /** National value by year. */
  readonly trend: IndicatorView
  /** The year the maps and breakdowns show: the last full year with a published national value. */
  readonly year: string
  readonly regions?: IndicatorView
  readonly departements?: IndicatorView
  readonly dispositifs?: IndicatorView
}

const hasYears = (data: TableData) =>
  data.rows.some((r) => typeof r.periode === 'string' && isYear(r.periode))
const onlyYears = (data: TableData) =>
  hasYears(data) &&
  data.rows.every((r) => r.periode === TOTAL || (typeof r.periode === 'string' && isYear(r.periode)))
const reaches = (level: 'region' | 'departement') => (data: TableData) =>
  hasYears(data) &&
  data.rows.some((r) => typeof r.territoire === 'string' && territoryLevel(r.territoire) === level)

/** Reaches `level` and stops there: no commune rows (a map then loads a small file). */
const stopsAt = (level: 'region' | 'departement') => (data: TableData) =>
  reaches(level)(data) &&
  !data.rows.some((r) => typeof r.territoire === 'string' && territoryLevel(r.territoire) === 'commune')

/**
 * The last year before the data's year (the data's year is partial unless the data date is
 * 31 December) whose national value is published; else the last year with a published value;
 * else (every national value secret) the last full year, so that the page still shows its tables.
 */
export function referenceYear(
  trend: ReadonlyMap<string, Row>,
  measure: string,
  asOf: string,
): string | undefined {
  const dataYear = asOf.slice(0, 4)
  const full = asOf.endsWith('-12-31') ? dataYear : String(Number(dataYear) - 1)
  const all = [...trend.keys()].sort()
  const years = all.filter((y) => publishedValue(trend.get(y), measure) !== undefined)
  return (
    years.filter((y) => y <= full).pop() ?? years.pop() ?? all.filter((y) => y <= full).pop() ?? all.pop()
  )
}

function along(
  ref: TableRef,
  dimension: string,
  fixed: Record<string, string>,
  keep: (code: string) => boolean,
) {
  const rows = new Map([...slice(ref.data, dimension, fixed)].filter(([code]) => keep(code)))
  return { ref, rows }
}

/** Reads what an indicator's pages show, or undefined when no published table has its measure by year. */
export async function indicatorData(
  published: Published,
  indicator: Indicator,
): Promise<IndicatorData | undefined> {
  const { measure, prefer } = indicator
  // A line over years only: a table with quarters or months too would draw them on the same axis.
  const trendQuery = { measure, dimensions: ['periode'], prefer }
  const trendRef =
    (await findTable(published, { ...trendQuery, accept: onlyYears })) ??
    (await findTable(published, { ...trendQuery, accept: hasYears }))
  if (!trendRef) return undefined
  const field = trendRef.resource.schema.fields.find((f) => f.name === measure)!
  const trend = along(trendRef, 'periode', {}, isYear)
  const year = referenceYear(trend.rows, measure, published.release.asOf)
  if (!year) return undefined
  const territory = async (level: 'region' | 'departement') => {
    const query = { measure, dimensions: ['periode', 'territoire'], prefer }
    const ref =
      (await findTable(published, { ...query, accept: stopsAt(level) })) ??
      (await findTable(published, { ...query, accept: reaches(level) }))
    return ref && along(ref, 'territoire', { periode: year }, (code) => territoryLevel(code) === level)
  }
  const dispositifRef = await findTable(published, {
    measure,
    dimensions: ['periode', 'dispositif'],
    prefer,
    accept: hasYears,
  })
  return {
    indicator,
    field,
    kind: valueKind(field.unit),
    interval: trendRef.resource.schema.fields.some((f) => f.name === `${measure}_ic_bas`),
    trend,
    year,
    regions: await territory('region'),
    departements: await territory('departement'),
    dispositifs:
      dispositifRef && along(dispositifRef, 'dispositif', { periode: year }, (code) => code !== TOTAL),
  }
}

/** The national row of the reference year and of the year before (for the trend). */
export function nationalRows(data: IndicatorData): { current: Row | undefined; previous: Row | undefined } {
  return {
    current: data.trend.rows.get(data.year) ?? cell(data.trend.ref.data, { periode: data.year }),
    previous: data.trend.rows.get(String(Number(data.year) - 1)),
  }
}
