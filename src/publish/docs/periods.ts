/**
 * Period codes of the `periode` dimension (`2025`, `2025-T1`, `2025-01`): the range a table
 * covers, and how a period reads in French.
 * @module
 */
import { parsePeriod, periodLabel } from '../../lib/period-code.ts'

/** First and last period codes of a table, at the finest level it has. */
export interface PeriodRange {
  readonly first: string
  readonly last: string
}

const LEVELS = ['mois', 'trimestre', 'annee'] as const

/**
 * The range of period codes, at the finest level present (months, else quarters, else years):
 * a table cut at months also holds the quarters and years above them, which add nothing to its
 * range. Null when no code is a period (only the total `_T`).
 * @example periodRange(['_T', '2025', '2025-T1', '2025-T2']) // { first: '2025-T1', last: '2025-T2' }
 */
export function periodRange(codes: Iterable<string>): PeriodRange | null {
  const all = [...codes]
  for (const level of LEVELS) {
    const found = all.filter((code) => parsePeriod(code)?.level === level).sort()
    if (found.length > 0) return { first: found[0]!, last: found.at(-1)! }
  }
  return null
}

/** The range covering both (null when neither has periods); codes of one level compare as text. */
export function unionRange(ranges: readonly (PeriodRange | null)[]): PeriodRange | null {
  const present = ranges.filter((r): r is PeriodRange => r !== null)
  if (present.length === 0) return null
  return periodRange(present.flatMap((r) => [r.first, r.last]))
}

/** `2025`, `janvier 2025`, or `1er trimestre 2025`; other codes as given. */
export function formatPeriod(code: string): string {
  const period = parsePeriod(code)
  return period ? periodLabel(period) : code
}

/**
 * A period after `de` or `à`, contracting the article quarters take: `de janvier 2025`,
 * `du 1er trimestre 2025`, `à 2026`, `au 3e trimestre 2026`.
 */
export function periodAfter(preposition: 'de' | 'à' | 'jusqu’à', code: string): string {
  const text = formatPeriod(code)
  if (parsePeriod(code)?.level !== 'trimestre') return `${preposition} ${text}`
  return `${{ de: 'du', à: 'au', 'jusqu’à': 'jusqu’au' }[preposition]} ${text}`
}

/** `de janvier 2024 à mars 2026`, `du 1er trimestre 2024 au 2e trimestre 2026`, or one period. */
export function formatRange(range: PeriodRange): string {
  if (range.first === range.last) return formatPeriod(range.first)
  return `${periodAfter('de', range.first)} ${periodAfter('à', range.last)}`
}
