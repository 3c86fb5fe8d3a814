import { escapeHtml } from '../html.ts'
import type { IndicatorData } from '../indicator-data.ts'
import { indicatorPath } from './indicator.ts'

/** The list of indicator pages. */
export function renderIndicatorsIndexMain(indicators: readonly IndicatorData[]): string {
  const root = '../'
  const cards = indicators.map(
    ({ indicator }) =>
      `<li class="card"><h2><a href="${root}${indicatorPath(indicator.id)}">${escapeHtml(indicator.title)}</a></h2><p>${escapeHtml(indicator.summary)}</p></li>`,
  )
  return `<h1>Indicateurs</h1>
<p class="lead">Chaque indicateur a sa définition, son évolution, sa carte par région et par département, ses tableaux et ses fichiers.</p>
${cards.length > 0 ? `<ul class="cards">${cards.join('\n')}</ul>` : '<p>Aucun indicateur n’est publié dans cette version.</p>'}`
}
