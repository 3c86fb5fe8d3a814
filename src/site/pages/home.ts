import { secretLegend } from '../cells.ts'
import { formatDay } from '../format.ts'
import { escapeAttribute, escapeHtml, join } from '../html.ts'
import type { IndicatorData } from '../indicator-data.ts'
import type { Published } from '../published.ts'
import { indicatorPath, keyFigure, regionFigure, trendFigure } from './indicator.ts'

/** The home page's main content: key figures with their trend, a map by région, the ways in. */
export function renderHomeMain(published: Published, indicators: readonly IndicatorData[]): string {
  const root = ''
  const key = indicators.filter((d) => d.indicator.key)
  const mapped =
    key.find((d) => d.indicator.measure === 'taux_emploi_6m' && d.regions) ?? key.find((d) => d.regions)
  const trend = key[0]
  return join([
    '<h1>La formation professionnelle en chiffres</h1>',
    `<p class="lead">Entrées en formation, résultats et insertion dans l’emploi des stagiaires, à partir des dossiers transmis par les financeurs. Données au ${escapeHtml(formatDay(published.release.asOf))}, publication du ${escapeHtml(formatDay(published.release.date))}.</p>`,
    key.length > 0 && '<h2 id="chiffres-cles">Chiffres clés</h2>',
    key.length > 0 &&
      `<div class="key-figures">${key.map((d) => keyFigure(d, root, 'h3', indicatorPath(d.indicator.id))).join('')}</div>`,
    key.length > 0 && secretLegend(root),
    trend && '<h2 id="evolution">Évolution</h2>',
    trend && trendFigure(trend, root),
    mapped && '<h2 id="carte">Par région</h2>',
    mapped && regionFigure(mapped, root),
    '<h2 id="aller-plus-loin">Aller plus loin</h2>',
    `<ul class="cards">
<li class="card"><h3><a href="indicateurs/index.html">Tous les indicateurs</a></h3><p>Définition, évolution, cartes par région et département, tableaux et téléchargements.</p></li>
<li class="card"><h3><a href="comparer/index.html">Comparer les dispositifs</a></h3><p>Quels dispositifs mènent à l’emploi et à la certification, et pour quels publics, avec leurs intervalles de confiance.</p></li>
<li class="card"><h3><a href="explorer/index.html">Explorer les données</a></h3><p>Choisissez un indicateur, un croisement et des filtres ; partagez, intégrez ou téléchargez le graphique.</p></li>
<li class="card"><h3><a href="catalogue/index.html">Catalogue des jeux de données</a></h3><p>${escapeHtml(String(published.datasets.length))} jeux de données ouverts : dictionnaire, méthode, règles de protection, fichiers CSV, JSON et Parquet.</p></li>
</ul>`,
    `<p class="note">Les séries sont aussi annoncées par un <a href="${escapeAttribute('flux.atom')}">flux Atom</a> et décrites dans un <a href="catalog.jsonld">catalogue DCAT-AP</a>.</p>`,
  ])
}
