import { type CatalogueEntry, LEVEL_LABELS, THEME_LABELS } from '../facets.ts'
import { escapeAttribute, escapeHtml } from '../html.ts'

const ROOT = '../'

/** Path of a dataset's page from the site root. */
export const datasetPath = (slug: string): string => `jeux-de-donnees/${slug}/index.html`

function facet(
  name: string,
  legend: string,
  values: readonly string[],
  label: (v: string) => string,
): string {
  if (values.length === 0) return ''
  const boxes = values
    .map(
      (v) =>
        `<label><input type="checkbox" name="${escapeAttribute(name)}" value="${escapeAttribute(v)}"> ${escapeHtml(label(v))}</label>`,
    )
    .join('\n')
  return `<fieldset><legend>${escapeHtml(legend)}</legend>\n${boxes}\n</fieldset>`
}

function card(entry: CatalogueEntry): string {
  const tags = [
    ...entry.themes.map((t) => THEME_LABELS[t] ?? t),
    ...entry.levels.map((l) => LEVEL_LABELS[l] ?? l),
    entry.years.length > 0 ? `${entry.years[0]}–${entry.years[entry.years.length - 1]}` : '',
  ].filter((t) => t !== '')
  return `<li class="card" data-slug="${escapeAttribute(entry.slug)}">
<h3><a href="${ROOT}${datasetPath(entry.slug)}">${escapeHtml(entry.title)}</a></h3>
<p>${escapeHtml(entry.description)}</p>
<p class="muted">${entry.tables.length} table${entry.tables.length > 1 ? 's' : ''} : ${escapeHtml(entry.tables.join(' ; '))}</p>
<ul class="tags" aria-label="Thèmes, niveaux géographiques et période">${tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>
</li>`
}

const unique = (values: readonly string[]) => [...new Set(values)]

/**
 * The catalogue: every dataset in the HTML (it works without JavaScript); the search box and facets,
 * hidden until `assets/catalogue.js` runs, filter the list from `catalogue/index.json`.
 */
export function renderCatalogueMain(entries: readonly CatalogueEntry[]): string {
  const themes = unique(entries.flatMap((e) => e.themes)).sort()
  const levels = Object.keys(LEVEL_LABELS).filter((l) => entries.some((e) => e.levels.includes(l)))
  const years = unique(entries.flatMap((e) => e.years)).sort()
  return `<h1>Catalogue des jeux de données</h1>
<p class="lead">${entries.length} jeux de données ouverts sous Licence Ouverte 2.0, en CSV, JSON et Parquet, avec leur dictionnaire, leur méthode et leurs règles de protection. Le catalogue existe aussi au format <a href="${ROOT}catalog.jsonld">DCAT-AP (JSON-LD)</a>.</p>
<div class="catalogue">
<form class="facets" id="filtres" hidden aria-label="Filtrer les jeux de données">
<div class="search"><label for="recherche">Rechercher</label>
<input type="search" id="recherche" name="q" autocomplete="off"></div>
${facet('theme', 'Thème', themes, (t) => THEME_LABELS[t] ?? t)}
${facet('niveau', 'Niveau géographique', levels, (l) => LEVEL_LABELS[l] ?? l)}
${facet('annee', 'Période couverte', years, (y) => y)}
</form>
<div>
<h2 class="result-count" id="resultats" aria-live="polite">${entries.length} jeux de données</h2>
<ul class="cards" id="liste">
${entries.map(card).join('\n')}
</ul>
</div>
</div>`
}

/** `catalogue/index.json`: what the client-side search reads. */
export function catalogueIndex(entries: readonly CatalogueEntry[]): string {
  return `${JSON.stringify({ datasets: entries })}\n`
}
