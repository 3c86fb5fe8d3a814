/**
 * Period codes of the `periode` dimension, read in one place: year `2025`, quarter `2025-T1`,
 * month `2025-01` (the total `_T` and other codes are not periods).
 * @module
 */
import { FRENCH_MONTHS } from './months.ts'

/** A period code read into its parts. */
export type Period =
  | { readonly level: 'annee'; readonly year: number }
  | { readonly level: 'trimestre'; readonly year: number; readonly quarter: number }
  | { readonly level: 'mois'; readonly year: number; readonly month: number }

const YEAR = /^(\d{4})$/
const QUARTER = /^(\d{4})-T([1-4])$/
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The period a code names, or null when it names none. */
export function parsePeriod(code: string): Period | null {
  const month = MONTH.exec(code)
  if (month) return { level: 'mois', year: Number(month[1]), month: Number(month[2]) }
  const quarter = QUARTER.exec(code)
  if (quarter) return { level: 'trimestre', year: Number(quarter[1]), quarter: Number(quarter[2]) }
  const year = YEAR.exec(code)
  return year ? { level: 'annee', year: Number(year[1]) } : null
}

/** First and last month (1–12) a period covers. */
function months(period: Period): readonly [number, number] {
  if (period.level === 'mois') return [period.month, period.month]
  if (period.level === 'trimestre') return [period.quarter * 3 - 2, period.quarter * 3]
  return [1, 12]
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The first day of a period, `YYYY-MM-DD`. */
export function periodStart(period: Period): string {
  return `${period.year}-${pad(months(period)[0])}-01`
}

/** The last day of a period, `YYYY-MM-DD`. */
export function periodEnd(period: Period): string {
  const month = months(period)[1]
  const day = new Date(Date.UTC(period.year, month, 0)).getUTCDate()
  return `${period.year}-${pad(month)}-${pad(day)}`
}

/** How a period reads in French: `2025`, `1er trimestre 2025`, `janvier 2025`. */
export function periodLabel(period: Period): string {
  if (period.level === 'trimestre')
    return `${period.quarter === 1 ? '1er' : `${period.quarter}e`} trimestre ${period.year}`
  if (period.level === 'mois') return `${FRENCH_MONTHS[period.month - 1]} ${period.year}`
  return String(period.year)
}

/**
 * What a period's label adds when the data stop inside it, so that nobody reads the count of a
 * year still running as a fall: ` (jusqu’au 30 septembre)` for a period that starts on or before
 * `asOf` and ends after it; '' otherwise.
 * @example partialSuffix(parsePeriod('2026')!, '2026-09-30') // ' (jusqu’au 30 septembre)'
 */
export function partialSuffix(period: Period, asOf: string): string {
  if (periodStart(period) > asOf || periodEnd(period) <= asOf) return ''
  const day = Number(asOf.slice(8, 10))
  const month = FRENCH_MONTHS[Number(asOf.slice(5, 7)) - 1]
  return ` (jusqu’au ${day === 1 ? '1er' : day} ${month})`
}
