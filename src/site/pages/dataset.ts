import { secretLegend } from '../cells.ts'
import { scrollRegion } from '../data-table.ts'
import { tableDownloads } from '../downloads.ts'
import { type CatalogueEntry, LEVEL_LABELS, THEME_LABELS } from '../facets.ts'
import { formatDay, formatValue } from '../format.ts'
import { escapeAttribute, escapeHtml, join, jsonForScript } from '../html.ts'
import { renderMarkdown } from '../markdown.ts'
import type { PackageResource, Published, PublishedDataset } from '../published.ts'

const ROOT = '../../'

/** The documentation without its title and the description the page already shows. */
function documentationBody(markdown: string, description: string): string {
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.startsWith('## '))
  const body =
    start === -1
      ? lines.filter((l) => !l.startsWith('# ') && l.trim() !== description.trim())
      : lines.slice(start)
  return body.join('\n')
}

function schemaTable(resource: PackageResource): string {
  const rows = resource.schema.fields
    .filter((f) => !/_(statut|ic_bas|ic_haut)$/.test(f.name))
    .map(
      (f) =>
        `<tr><th scope="row"><code>${escapeHtml(f.name)}</code></th><td>${escapeHtml(f.title ?? '')}</td><td>${escapeHtml(f.type)}</td><td>${escapeHtml(f.unit ?? '')}</td></tr>`,
    )
    .join('\n')
  return `<details><summary>Colonnes de <code>${escapeHtml(resource.name)}</code> (types du schéma)</summary>
${scrollRegion(
  `Colonnes de ${resource.name}`,
  `<table><thead><tr><th scope="col">Colonne</th><th scope="col">Libellé</th><th scope="col">Type</th><th scope="col">Unité</th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
)}
<p class="note">Chaque mesure <code>m</code> a aussi sa colonne <code>m_statut</code> (V, A, B, D) et, pour un taux, <code>m_ic_bas</code> et <code>m_ic_haut</code>.</p>
</details>`
}

function downloads(dataset: PublishedDataset): string {
  const base = `${ROOT}datasets/${dataset.slug}/`
  const tables = dataset.datapackage.resources.filter((r) => !r.path.startsWith('hierarchies/'))
  const hierarchies = dataset.datapackage.resources.filter((r) => r.path.startsWith('hierarchies/'))
  const summary = new Map(dataset.summary.tables.map((t) => [t.name, t]))
  const tableItems = tables.map((r) => {
    const rows = summary.get(r.name)?.rows
    return `<li><strong>${escapeHtml(r.title ?? r.name)}</strong> (<code>${escapeHtml(r.name)}</code>${rows === undefined ? '' : `, ${formatValue(rows, 'count')} lignes`}) : ${tableDownloads(ROOT, dataset.slug, r.name, r.title ?? r.name)}${r.description ? `<br><span class="muted">${escapeHtml(r.description)}</span>` : ''}${schemaTable(r)}</li>`
  })
  const hierarchyItems = hierarchies.map(
    (r) =>
      `<li><a href="${escapeAttribute(base + r.path)}" download><span class="format">CSV</span> ${escapeHtml(r.title ?? r.name)}</a></li>`,
  )
  return join([
    '<h2 id="telecharger">Télécharger</h2>',
    '<h3>Tables</h3>',
    `<ul class="downloads">${tableItems.join('\n')}</ul>`,
    hierarchyItems.length > 0 && '<h3>Nomenclatures (codes, parents et libellés)</h3>',
    hierarchyItems.length > 0 && `<ul class="downloads">${hierarchyItems.join('')}</ul>`,
    '<h3>Métadonnées</h3>',
    `<ul class="downloads">
<li><a href="${base}datapackage.json"><span class="format">JSON</span> Data Package Frictionless (datapackage.json)</a></li>
<li><a href="${base}schema.jsonld"><span class="format">JSON-LD</span> Description schema.org (schema.jsonld)</a></li>
<li><a href="${base}documentation.md"><span class="format">MD</span> Documentation (documentation.md)</a></li>
<li><a href="${ROOT}catalog.jsonld"><span class="format">JSON-LD</span> Catalogue DCAT-AP de toutes les données (catalog.jsonld)</a></li>
</ul>`,
  ])
}

function releases(published: Published, dataset: PublishedDataset): string {
  const items = published.releases
    .filter((r) => r.datasets.some((d) => d.slug === dataset.slug))
    .map((r) => {
      const base = `${ROOT}releases/${r.date}/datasets/${dataset.slug}/`
      const latest = r.date === published.release.date ? ' (version en ligne)' : ''
      return `<li>Version du ${escapeHtml(formatDay(r.date))}${latest}, données au ${escapeHtml(formatDay(r.asOf))} : <a href="${escapeAttribute(`${base}datapackage.json`)}">datapackage.json</a>, <a href="${escapeAttribute(`${base}documentation.md`)}">documentation</a></li>`
    })
  return `<h2 id="versions">Versions publiées</h2>
<p>Les versions antérieures restent téléchargeables, chacune avec ses fichiers, sous <code>releases/&lt;date&gt;/</code>.</p>
<ul>${items.join('')}</ul>`
}

/** The dataset page: metadata, downloads, rendered documentation, releases. */
export function renderDatasetMain(
  published: Published,
  dataset: PublishedDataset,
  entry: CatalogueEntry,
): string {
  const { datapackage } = dataset
  const licence = datapackage.licenses?.[0]?.title ?? 'Licence Ouverte / Open Licence version 2.0'
  const meta = [
    ['Version', `${formatDay(dataset.summary.date)} (données au ${formatDay(dataset.summary.asOf)})`],
    ['Thèmes', entry.themes.map((t) => THEME_LABELS[t] ?? t).join(', ')],
    ['Niveaux géographiques', entry.levels.map((l) => LEVEL_LABELS[l] ?? l).join(', ')],
    ['Période', entry.years.length > 0 ? `${entry.years[0]} à ${entry.years[entry.years.length - 1]}` : ''],
    ['Licence', licence],
    ['Mots-clés', entry.keywords.join(', ')],
  ].filter(([, v]) => v !== '')
  return join([
    `<nav class="breadcrumb" aria-label="Fil d’Ariane"><ol><li><a href="${ROOT}index.html">Accueil</a></li><li><a href="${ROOT}catalogue/index.html">Catalogue</a></li><li aria-current="page">${escapeHtml(datapackage.title)}</li></ol></nav>`,
    `<h1>${escapeHtml(datapackage.title)}</h1>`,
    datapackage.description && `<p class="lead">${escapeHtml(datapackage.description)}</p>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${escapeHtml(k ?? '')}</dt><dd>${escapeHtml(v ?? '')}</dd>`).join('')}</dl>`,
    `<p><a href="${ROOT}explorer/index.html">Explorer ce jeu de données en graphiques et cartes</a></p>`,
    secretLegend(ROOT),
    downloads(dataset),
    dataset.documentation &&
      `<section class="documentation" aria-labelledby="documentation"><h2 id="documentation">Documentation</h2>
${renderMarkdown(documentationBody(dataset.documentation, datapackage.description ?? ''), { headingOffset: 1, linkBase: `${ROOT}datasets/${dataset.slug}/` })}
</section>`,
    releases(published, dataset),
  ])
}

/** The schema.org `Dataset` of the page, inlined for search engines. */
export function datasetJsonLd(dataset: PublishedDataset): string | undefined {
  if (dataset.schemaJsonLd === undefined) return undefined
  return `<script type="application/ld+json">${jsonForScript(dataset.schemaJsonLd)}</script>`
}
