/**
 * The legend under every chart: its colours (series or map classes), what the hatch means ("secret
 * statistique") and what a grey cell means, in HTML so that screen readers read it and it wraps on
 * small screens. The same items go into downloaded images.
 */
import type { Cell } from '../data/cells.ts'
import { seriesColour } from './colours.ts'
import { HATCH_BACKGROUND, HATCH_LINE, NO_DATA_FILL } from './svg.ts'

/** One colour and its meaning. */
export interface SeriesKey {
  readonly label: string
  readonly colour: string
}

/** The series of `cells` in order of appearance, with their colours. */
export function seriesKeys(cells: readonly Cell[]): SeriesKey[] {
  const labels = [...new Set(cells.flatMap((c) => (c.seriesLabel ? [c.seriesLabel] : [])))]
  return labels.map((label, i) => ({ label, colour: seriesColour(i) }))
}

/** One legend line: a colour, `hatch` (secret) or `none` (no data), its label and an explanation. */
export interface LegendItem {
  readonly label: string
  readonly fill: string
  readonly note?: string
}

/** The legend of a chart: its keys, then the hatch and the "no data" swatch when some cell needs them. */
export function legendItems(cells: readonly Cell[], keys: readonly SeriesKey[] = []): LegendItem[] {
  const items: LegendItem[] = keys.map((k) => ({ label: k.label, fill: k.colour }))
  if (cells.some((c) => c.state === 'secret'))
    items.push({
      label: 'secret statistique',
      fill: 'hatch',
      note: 'valeur non diffusée : trop peu de personnes dans la cellule ou dans l’un de ses taux, ou elle permettrait de retrouver une valeur protégée',
    })
  if (cells.some((c) => c.state === 'undefined'))
    items.push({
      label: 'n.d.',
      fill: 'none',
      note: 'taux non défini : aucune personne au dénominateur, ou année pas encore entièrement observée',
    })
  if (cells.some((c) => c.state === 'absent'))
    items.push({
      label: 'pas de donnée',
      fill: 'none',
      note: 'aucune personne concernée dans cette catégorie',
    })
  return items
}

const HATCH_CSS = `repeating-linear-gradient(45deg, ${HATCH_BACKGROUND} 0 2.5px, ${HATCH_LINE} 2.5px 4px)`

/** The legend as an HTML list. */
export function renderLegend(items: readonly LegendItem[]): HTMLElement {
  const list = document.createElement('ul')
  list.className = 'psl-legend'
  for (const item of items) {
    const li = document.createElement('li')
    const box = document.createElement('span')
    box.className = 'psl-swatch'
    box.setAttribute('aria-hidden', 'true')
    box.style.background = item.fill === 'hatch' ? HATCH_CSS : item.fill === 'none' ? NO_DATA_FILL : item.fill
    li.append(box, ` ${item.label}`)
    if (item.note) {
      const note = document.createElement('span')
      note.className = 'psl-legend-note'
      note.textContent = ` — ${item.note}`
      li.append(note)
    }
    list.append(li)
  }
  return list
}
