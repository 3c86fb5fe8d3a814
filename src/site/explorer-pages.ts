/**
 * The chart explorer's pages: `explorer/index.html` (choose a dataset, table, indicator, breakdown,
 * filters and chart; permalink, embed code, downloads) and `explorer/embed.html` (the chart alone,
 * for an `<iframe>`). Both are shells the browser code fills from the published files; without
 * JavaScript they point to the datasets' pages. Writing them also writes the browser code itself.
 */
import { type ClientBundler, writeClientAssets } from './client-bundle.ts'
import type { SiteEffects } from './effects.ts'
import { escapeAttribute, escapeHtml } from './html.ts'
import { renderPage, SITE_NAME } from './layout.ts'

/** What the explorer pages are told about the release. */
export interface ExplorerPagesOptions {
  /** The release's datasets, for the no-JavaScript fallback list. */
  readonly datasets: readonly { readonly slug: string; readonly title: string }[]
  /** Makes the browser code (default: esbuild on `site/client/`). */
  readonly bundle?: ClientBundler
}

const SCRIPT = 'assets/passerelle.js'

function fallback(datasets: ExplorerPagesOptions['datasets']): string {
  const items = datasets
    .map(
      (d) =>
        `<li><a href="../jeux-de-donnees/${escapeAttribute(d.slug)}/index.html">${escapeHtml(d.title)}</a></li>`,
    )
    .join('')
  return `<noscript><p>L’explorateur dessine les graphiques dans le navigateur et demande JavaScript. Toutes les données restent accessibles, en tableaux et en téléchargement, sur la page de chaque jeu de données :</p><ul>${items}</ul></noscript>`
}

/** The explorer page's HTML. */
export function explorerPage(options: ExplorerPagesOptions): string {
  const main = `<h1>Explorer les données</h1>
<p class="lead">Choisissez un jeu de données, un indicateur, une ventilation et des filtres. Le graphique, la carte et le tableau suivent ; l’adresse de la page garde la vue (à partager ou à intégrer), et ses données et son image se téléchargent.</p>
<p>Les valeurs couvertes par le <a href="../a-propos/index.html#secret-statistique">secret statistique</a> sont hachurées : elles ne sont pas nulles, elles ne sont pas diffusées pour protéger les personnes.</p>
<div id="psl-explorer" data-mode="explorer" data-root="../">${fallback(options.datasets)}</div>`
  return renderPage({
    title: 'Explorer les données',
    root: '../',
    path: 'explorer/index.html',
    main,
    description:
      'Explorateur de graphiques et de cartes des données ouvertes de la formation professionnelle.',
    scripts: [SCRIPT],
  })
}

/**
 * The embeddable page: no header, menu or footer (it lives inside someone else's page), only the
 * chart with its title, legend, source and a link back to the explorer.
 */
export function embedPage(options: ExplorerPagesOptions): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Graphique · ${SITE_NAME}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../assets/site.css">
<script type="module" src="../${SCRIPT}"></script>
</head>
<body class="embed">
<main id="contenu">
<div id="psl-explorer" data-mode="embed" data-root="../">${fallback(options.datasets)}</div>
</main>
</body>
</html>
`
}

/** Writes `explorer/index.html`, `explorer/embed.html` and the browser code they load (`assets/`). */
export async function writeExplorerPages(effects: SiteEffects, options: ExplorerPagesOptions): Promise<void> {
  await effects.writeText('explorer/index.html', explorerPage(options))
  await effects.writeText('explorer/embed.html', embedPage(options))
  await writeClientAssets(effects, options.bundle)
}
