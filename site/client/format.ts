/** French formatting of the numbers charts, tooltips and summaries show. */

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 })

/**
 * A value as readers expect it: rates as percentages, counts as integers, other numbers with one decimal.
 * @example formatValue(0.6687, true) // '66,9 %'
 */
export function formatValue(value: number, rate: boolean): string {
  if (rate) return percent.format(value)
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value)
}

/** What a cell that is not a value reads as. */
export const STATE_TEXT = {
  secret: 'secret statistique',
  undefined: 'sans objet (aucune personne concernée)',
  absent: 'pas de donnée',
} as const
