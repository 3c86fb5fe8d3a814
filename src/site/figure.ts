import type { ChartSpec } from './chart-spec.ts'
import { escapeAttribute, escapeHtml } from './html.ts'

/**
 * A chart figure: the client bundle draws `spec` above the accessible table, which stays as the
 * text alternative; `summary` says in words what the chart shows.
 */
export function renderFigure(spec: ChartSpec, table: string, summary?: string): string {
  return `<figure class="psl-chart" data-spec='${escapeAttribute(JSON.stringify(spec))}'>
<figcaption>${escapeHtml(spec.title)}${summary ? ` <span class="muted">${escapeHtml(summary)}</span>` : ''}</figcaption>
${table}
</figure>`
}

/** The relative URL of a published table's JSON from a page at `root`. */
export function tableUrl(root: string, slug: string, table: string): string {
  return `${root}datasets/${slug}/${table}.json`
}
