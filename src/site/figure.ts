import type { ChartSpec } from './chart-spec.ts'
import { escapeAttribute, escapeHtml, jsonAttribute } from './html.ts'

/**
 * A chart figure: the client bundle renders the accessible table of `spec.table` from the published
 * table it fetches, and draws the chart above it; `summary` says in words what the chart shows.
 * Without JavaScript the figure points to the table's CSV, where the same numbers are.
 */
export function renderFigure(spec: ChartSpec, summary?: string): string {
  const csv = spec.data.replace(/\.json$/, '.csv')
  return `<figure class="psl-chart" data-spec='${jsonAttribute(spec)}'>
<figcaption>${escapeHtml(spec.title)}${summary ? ` <span class="muted">${escapeHtml(summary)}</span>` : ''}</figcaption>
<div class="psl-figure-table"><noscript><p>Le tableau de ces chiffres s’affiche avec JavaScript ; ils sont aussi dans le <a href="${escapeAttribute(csv)}">fichier CSV de la table</a>.</p></noscript></div>
</figure>`
}

/** The relative URL of a published table's JSON from a page at `root`. */
export function tableUrl(root: string, slug: string, table: string): string {
  return `${root}datasets/${slug}/${table}.json`
}
