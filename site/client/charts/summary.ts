/** The text alternative of a chart: what it shows and its main figures, in one French sentence or two. */
import type { Cell } from '../data/cells.ts'
import { formatValue } from '../format.ts'

/**
 * Summarises `cells` for screen readers and the figure's description.
 * @example summarise('Entrées par région', cells, false) // 'Entrées par région. 13 valeurs ; la plus élevée : …'
 */
export function summarise(title: string, cells: readonly Cell[], rate: boolean): string {
  const values = cells.filter((c) => c.value !== null)
  const secret = cells.filter((c) => c.state === 'secret').length
  const name = (c: Cell) => (c.seriesLabel ? `${c.xLabel}, ${c.seriesLabel}` : c.xLabel)
  const parts = [`${title}.`]
  if (values.length === 0) parts.push('Aucune valeur publiée.')
  else if (values.length === 1) parts.push(`${name(values[0]!)} : ${formatValue(values[0]!.value!, rate)}.`)
  else {
    const sorted = [...values].sort((a, b) => b.value! - a.value!)
    const top = sorted[0]!
    const bottom = sorted[sorted.length - 1]!
    parts.push(
      `${values.length} valeurs publiées ; la plus élevée : ${name(top)} (${formatValue(top.value!, rate)}), la plus basse : ${name(bottom)} (${formatValue(bottom.value!, rate)}).`,
    )
  }
  if (secret > 0)
    parts.push(
      `${secret} valeur${secret > 1 ? 's' : ''} couverte${secret > 1 ? 's' : ''} par le secret statistique.`,
    )
  return parts.join(' ')
}
