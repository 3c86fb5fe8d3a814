/** French formatting of the numbers charts, tooltips and summaries show. */

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
const shortPercent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 })
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })
// One decimal always, as the pages' tables print rates: '46,0 %' beside '45,3 %', not '46 %'.
const percent = new Intl.NumberFormat('fr-FR', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})

/**
 * A value as readers expect it: rates as percentages, counts as integers, other numbers with one decimal.
 * @example formatValue(0.6687, true) // '66,9 %'
 */
export function formatValue(value: number, rate: boolean): string {
  if (rate) return percent.format(value)
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value)
}

/**
 * A scale's mark (an axis tick, a legend's class boundary): round figures read short. On an axis
 * whose top is `top`, one unit for every mark: millions (`17,5 M`) from a top of 1 000 000, thousands
 * (`250 k`) from 100 000 — '17 052 821' lost its first digits in the axis's margin. Without `top`
 * (a legend's class boundaries, which are not round), the full figure.
 * @example formatScale(0.5, true) // '50 %'
 * @example formatScale(17_500_000, false, 20_000_000) // '17,5 M'
 */
export function formatScale(value: number, rate: boolean, top?: number): string {
  if (rate) return shortPercent.format(value)
  if (top !== undefined && top >= 1_000_000)
    return value === 0 ? '0' : `${decimal.format(value / 1_000_000)}\u00a0M`
  if (top !== undefined && top >= 100_000)
    return value === 0 ? '0' : `${integer.format(value / 1_000)}\u00a0k`
  return formatValue(value, false)
}

/** What a cell that is not a value reads as. */
export const STATE_TEXT = {
  secret: 'secret statistique',
  // A rate on an empty base: no member at all, or a follow-up year not yet observed whole (its
  // base, the members observed, stays 0 until then).
  undefined:
    'n.d. (taux non défini : aucune personne au dénominateur, ou année pas encore entièrement observée)',
  absent: 'pas de donnée',
} as const
