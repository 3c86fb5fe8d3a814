import { isSecret, secretLegend } from '../cells.ts'
import type { ChartSpec, FigureTable } from '../chart-spec.ts'
import { tableDownloads } from '../downloads.ts'
import { renderFigure, tableUrl } from '../figure.ts'
import { formatChange, formatValue } from '../format.ts'
import { escapeAttribute, escapeHtml, join } from '../html.ts'
import { type IndicatorData, type IndicatorView, nationalRows } from '../indicator-data.ts'
import { publishedValue } from '../table-rows.ts'

/** Path of an indicator's page from the site root. */
export const indicatorPath = (id: string): string => `indicateurs/${id}/index.html`

/**
 * The table under an indicator's chart: the breakdown, the measure and, for a rate, its interval;
 * the share of outcomes known beside it when the view's table publishes it.
 */
function figureTable(data: IndicatorData, view: IndicatorView, header: string, root: string): FigureTable {
  const coverage = data.indicator.coverage
  const covered = coverage && view.ref.resource.schema.fields.some((f) => f.name === coverage.measure)
  return {
    header,
    columns: [
      {
        measure: data.indicator.measure,
        label: data.field.title ?? data.indicator.title,
        kind: data.kind,
        ...(data.interval ? { interval: 'column' as const } : {}),
      },
      ...(covered ? [{ measure: coverage.measure, label: coverage.label, kind: 'rate' as const }] : []),
    ],
    root,
  }
}

function spec(
  data: IndicatorData,
  view: IndicatorView,
  root: string,
  rest: Omit<ChartSpec, 'data' | 'measure'>,
): ChartSpec {
  return {
    data: tableUrl(root, view.ref.dataset.slug, view.ref.resource.name),
    measure: data.indicator.measure,
    ...rest,
  }
}

/** The key figure of an indicator: its national value for the reference year and the change over a year. */
export function keyFigure(data: IndicatorData, root: string, heading: 'h2' | 'h3', href?: string): string {
  const { measure, title } = data.indicator
  const { current, previous } = nationalRows(data)
  const value = publishedValue(current, measure)
  const before = publishedValue(previous, measure)
  const secret = value === undefined && isSecret(current, measure)
  const shown = value !== undefined ? formatValue(value, data.kind) : secret ? 'secret' : 'n.d.'
  const change =
    value !== undefined && before !== undefined ? formatChange(value, before, data.kind) : undefined
  const trend = change ? `${change} par rapport à ${Number(data.year) - 1}` : ''
  const interval = data.interval && current ? intervalText(current, measure) : ''
  const coverage = data.indicator.coverage
  const known = coverage && publishedValue(current, coverage.measure)
  const name = href ? `<a href="${escapeAttribute(root + href)}">${escapeHtml(title)}</a>` : escapeHtml(title)
  return `<div class="key-figure"><${heading}>${name}</${heading}><span class="value${secret ? ' secret' : ''}">${escapeHtml(shown)}</span><span class="trend">France entière, ${escapeHtml(data.year)}${interval ? ` · IC 95 % ${escapeHtml(interval)}` : ''}</span>${trend ? `<span class="trend">${escapeHtml(trend)}</span>` : ''}${known !== undefined && coverage ? `<span class="trend">Résultat connu pour ${escapeHtml(formatValue(known, 'rate'))} ${escapeHtml(coverage.of)}</span>` : ''}</div>`
}

function intervalText(row: Readonly<Record<string, string | number | null>>, measure: string): string {
  const low = row[`${measure}_ic_bas`]
  const high = row[`${measure}_ic_haut`]
  if (typeof low !== 'number' || typeof high !== 'number') return ''
  return `${formatValue(low, 'rate')} – ${formatValue(high, 'rate')}`
}

/** The trend figure (national value by year). */
export function trendFigure(data: IndicatorData, root: string): string {
  const title = `${data.indicator.title} par année, France entière`
  return renderFigure(
    spec(data, data.trend, root, {
      kind: 'line',
      x: 'periode',
      filters: {},
      title,
      table: figureTable(data, data.trend, 'Année', root),
    }),
  )
}

/** The map of régions for the reference year. */
export function regionFigure(data: IndicatorData, root: string): string {
  if (!data.regions) return ''
  const title = `${data.indicator.title} par région de résidence, ${data.year}`
  return renderFigure(
    spec(data, data.regions, root, {
      kind: 'map',
      level: 'region',
      filters: { periode: data.year },
      title,
      table: figureTable(data, data.regions, 'Région', root),
    }),
  )
}

/** A whole indicator page's main content. */
export function renderIndicatorMain(data: IndicatorData, root: string): string {
  const { indicator } = data
  const sources = [data.trend, data.regions, data.departements, data.dispositifs].filter(
    (v): v is IndicatorView => v !== undefined,
  )
  const tables = new Map(sources.map((v) => [`${v.ref.dataset.slug}/${v.ref.resource.name}`, v.ref]))
  const departements =
    data.departements &&
    renderFigure(
      spec(data, data.departements, root, {
        kind: 'map',
        level: 'departement',
        filters: { periode: data.year },
        title: `${indicator.title} par département de résidence, ${data.year}`,
        table: figureTable(data, data.departements, 'Département', root),
      }),
    )
  const dispositifs =
    data.dispositifs &&
    renderFigure(
      spec(data, data.dispositifs, root, {
        kind: 'bar',
        x: 'dispositif',
        filters: { periode: data.year },
        title: `${indicator.title} par dispositif, ${data.year}`,
        table: figureTable(data, data.dispositifs, 'Dispositif', root),
      }),
    )
  return join([
    `<nav class="breadcrumb" aria-label="Fil d’Ariane"><ol><li><a href="${root}index.html">Accueil</a></li><li><a href="${root}indicateurs/index.html">Indicateurs</a></li><li aria-current="page">${escapeHtml(indicator.title)}</li></ol></nav>`,
    `<h1>${escapeHtml(indicator.title)}</h1>`,
    `<p class="lead">${escapeHtml(indicator.summary)}</p>`,
    `<div class="key-figures">${keyFigure(data, root, 'h2')}</div>`,
    '<h2 id="definition">Définition</h2>',
    `<p>${escapeHtml(indicator.definition)}</p>`,
    data.field.description &&
      `<p class="note">Dans les fichiers : colonne <code>${escapeHtml(indicator.measure)}</code> — ${escapeHtml(data.field.description)}</p>`,
    secretLegend(root),
    '<h2 id="evolution">Évolution</h2>',
    trendFigure(data, root),
    data.regions && '<h2 id="regions">Par région</h2>',
    regionFigure(data, root),
    departements && '<h2 id="departements">Par département</h2>',
    departements,
    dispositifs && '<h2 id="dispositifs">Par dispositif</h2>',
    dispositifs,
    '<h2 id="telecharger">Télécharger les données</h2>',
    `<ul class="downloads">${[...tables.values()]
      .map(
        (ref) =>
          `<li>${escapeHtml(ref.resource.title ?? ref.resource.name)} : ${tableDownloads(root, ref.dataset.slug, ref.resource.name, ref.resource.title ?? ref.resource.name)} — <a href="${root}jeux-de-donnees/${escapeAttribute(ref.dataset.slug)}/index.html">${escapeHtml(ref.dataset.datapackage.title)}</a></li>`,
      )
      .join('')}</ul>`,
    `<p>Pour d’autres croisements (sexe, âge, niveau, financeur…), utilisez l’<a href="${root}explorer/index.html">explorateur</a>.</p>`,
  ])
}
