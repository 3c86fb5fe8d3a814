import { FRENCH_MONTHS } from '../lib/months.ts'

/** How a measure's values read: from its `unit` in `datapackage.json`. */
export type ValueKind = 'count' | 'rate' | 'euros' | 'hours'

/** The kind of a measure from its published unit (`proportion`, `euros`, `heures`, or a count). */
export function valueKind(unit: string | undefined): ValueKind {
  if (unit === 'proportion') return 'rate'
  if (unit === 'euros') return 'euros'
  if (unit === 'heures') return 'hours'
  return 'count'
}

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
const ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

// Intl's French output separates thousands with a narrow no-break space (U+202F); keep it: it
// never wraps and screen readers read the number whole.

/**
 * A value in French: counts `12 345`, rates `64,5 %`, euros `1 234 567 €`, hours `35 h`.
 * @example formatValue(0.6455, 'rate') // '64,5 %'
 */
export function formatValue(value: number, kind: ValueKind): string {
  switch (kind) {
    case 'rate':
      return `${ONE_DECIMAL.format(value * 100)}\u00a0%`
    case 'euros':
      return `${INTEGER.format(value)}\u00a0€`
    case 'hours':
      return `${INTEGER.format(value)}\u00a0h`
    case 'count':
      return INTEGER.format(value)
  }
}

/** A rate's 95 % interval in percent, `[61,2 – 67,8]`. */
export function formatInterval(low: number, high: number): string {
  return `[${ONE_DECIMAL.format(low * 100)}\u00a0–\u00a0${ONE_DECIMAL.format(high * 100)}]`
}

/** A `YYYY-MM-DD` day in French, `1er octobre 2026`. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  const name = FRENCH_MONTHS[(month ?? 1) - 1] ?? ''
  return `${date === 1 ? '1er' : String(date)} ${name} ${year}`
}

/**
 * The change from `before` to `value` in French: rates in percentage points (`+2,1 points`), other
 * values in percent (`−3,4 %`); undefined when a percentage of 0 would be meaningless.
 */
export function formatChange(value: number, before: number, kind: ValueKind): string | undefined {
  const sign = value >= before ? '+' : '−'
  if (kind === 'rate') {
    const points = Math.abs(value - before) * 100
    return `${sign}${ONE_DECIMAL.format(points)}\u00a0point${points >= 2 ? 's' : ''}`
  }
  if (before === 0) return undefined
  return `${sign}${ONE_DECIMAL.format(Math.abs(value / before - 1) * 100)}\u00a0%`
}
