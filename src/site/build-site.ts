import { renderAtomFeed } from './atom.ts'
import type { ClientBundler } from './client-bundle.ts'
import { fileSiteEffects, type SiteEffects } from './effects.ts'
import { writeExplorerPages } from './explorer-pages.ts'
import { catalogueEntry } from './facets.ts'
import { escapeAttribute, escapeHtml } from './html.ts'
import { type IndicatorData, indicatorData } from './indicator-data.ts'
import { INDICATORS } from './indicators.ts'
import { type PageOptions, renderPage, rootOf } from './layout.ts'
import { renderMarkdown } from './markdown.ts'
import { minifyCss } from './minify-css.ts'
import { catalogueIndex, datasetPath, renderCatalogueMain } from './pages/catalogue.ts'
import { renderCompareMain } from './pages/compare.ts'
import { datasetJsonLd, renderDatasetMain } from './pages/dataset.ts'
import { renderHomeMain } from './pages/home.ts'
import { indicatorPath, renderIndicatorMain } from './pages/indicator.ts'
import { renderIndicatorsIndexMain } from './pages/indicators-index.ts'
import { renderAboutMain, renderNotFoundMain, renderPartnersMain } from './pages/static.ts'
import { readPublished } from './published.ts'
import { removeStaleAssets } from './stale-assets.ts'

export interface BuildSiteOptions {
  /** Makes the browser code (default: esbuild on `site/client/`; tests pass a stand-in). */
  readonly bundle?: ClientBundler
}

export interface BuildSiteResult {
  /** Every file written, relative to DIR, in order. */
  readonly files: readonly string[]
  /** Files of earlier builds removed from the assets folder (no page of this build loads them). */
  readonly removed: readonly string[]
  readonly indicators: readonly string[]
  readonly milliseconds: number
}

/** Files copied from the repository's `site/` folder into `DIR/assets/` (stylesheets minified). */
const ASSETS: readonly [source: string, target: string][] = [
  ['styles/site.css', 'assets/site.css'],
  ['scripts/catalogue.js', 'assets/catalogue.js'],
]

/**
 * Builds the static site into DIR from the files published there only (release.json, releases.json,
 * catalog.jsonld, CHANGELOG.md and each dataset's files): home, indicator pages, comparison,
 * catalogue and its search index, dataset pages, about, partner entry, 404, Atom feed. Pages link
 * relatively, so the folder can be served from any host and sub-path. Files of earlier builds left in
 * the assets folder are removed; nothing else of DIR is.
 * @example await buildSite(fileSiteEffects('/data/public'))
 */
export async function buildSite(io: SiteEffects, options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const started = performance.now()
  const published = await readPublished(io)
  const files: string[] = []
  // Every write goes through here, the explorer's and the bundle's included, so that `files` is the
  // whole of this build and anything else in the assets folder is known to be stale.
  const effects: SiteEffects = {
    ...io,
    writeText: async (path, text) => {
      await io.writeText(path, text)
      files.push(path)
    },
    writeBytes: async (path, bytes) => {
      await io.writeBytes(path, bytes)
      files.push(path)
    },
  }
  const write = effects.writeText
  const page = (path: string, options: Omit<PageOptions, 'root' | 'path'>) =>
    write(path, renderPage({ ...options, root: rootOf(path), path }))

  for (const [source, target] of ASSETS) {
    const text = await effects.readSource(source)
    await write(target, source.endsWith('.css') ? await minifyCss(text) : text)
  }

  const indicators: IndicatorData[] = []
  for (const indicator of INDICATORS) {
    const data = await indicatorData(published, indicator)
    if (data) indicators.push(data)
  }
  const chartScripts = ['assets/passerelle.js']

  await page('index.html', {
    title: 'Passerelle',
    main: renderHomeMain(published, indicators),
    description: 'Chiffres clés de la formation professionnelle : entrées, emploi à 6 mois, certification.',
    scripts: chartScripts,
  })
  await page('indicateurs/index.html', {
    title: 'Indicateurs',
    main: renderIndicatorsIndexMain(indicators),
    description: 'Les indicateurs de la formation professionnelle, leurs définitions, cartes et tableaux.',
  })
  for (const data of indicators)
    await page(indicatorPath(data.indicator.id), {
      title: data.indicator.title,
      main: renderIndicatorMain(data, '../../'),
      description: data.indicator.summary,
      scripts: chartScripts,
    })
  await page('comparer/index.html', {
    title: 'Comparer les dispositifs',
    main: await renderCompareMain(published),
    description:
      'Taux d’emploi et de certification des dispositifs de formation, avec leurs intervalles de confiance.',
    scripts: chartScripts,
  })

  const entries = published.datasets.map((d) => catalogueEntry(published, d))
  await page('catalogue/index.html', {
    title: 'Catalogue des jeux de données',
    main: renderCatalogueMain(entries),
    description: 'Tous les jeux de données ouverts de la formation professionnelle.',
    scripts: ['assets/catalogue.js'],
  })
  await write('catalogue/index.json', catalogueIndex(entries))
  for (const [i, dataset] of published.datasets.entries()) {
    const path = datasetPath(dataset.slug)
    await page(path, {
      title: dataset.datapackage.title,
      main: renderDatasetMain(published, dataset, entries[i]!),
      description: dataset.datapackage.description,
      head: datasetJsonLd(dataset),
    })
    // The DCAT and schema.org landing page of a dataset is its files' folder: send readers on.
    const target = `../../${path}`
    await page(`datasets/${dataset.slug}/index.html`, {
      title: dataset.datapackage.title,
      main: `<h1>${escapeHtml(dataset.datapackage.title)}</h1><p><a href="${escapeAttribute(target)}">Page du jeu de données</a></p>`,
      head: `<meta http-equiv="refresh" content="0; url=${escapeAttribute(target)}">`,
    })
  }

  await page('a-propos/index.html', {
    title: 'Sources, méthode et protection des données',
    main: renderAboutMain(),
  })
  await page('partenaires/index.html', { title: 'Espace partenaire', main: renderPartnersMain() })
  // A host serves 404.html for a missing page at any depth (/a/b/c): relative links would start from
  // there, so this page alone links from the site's path on its host.
  await write(
    '404.html',
    renderPage({
      title: 'Page introuvable',
      root: published.sitePath,
      path: '404.html',
      main: renderNotFoundMain(published.sitePath),
    }),
  )

  const feed = []
  for (const release of published.releases) {
    const notes = await effects.readText(`releases/${release.date}/CHANGELOG.md`)
    feed.push({ release, ...(notes ? { notesHtml: renderMarkdown(notes) } : {}) })
  }
  await write('flux.atom', renderAtomFeed(feed))

  // The explorer's pages and the browser code (charts, maps) that every chart figure needs.
  await writeExplorerPages(effects, {
    datasets: published.release.datasets,
    ...(options.bundle ? { bundle: options.bundle } : {}),
  })
  // Chunks are named by their content hash: each rebuild into the same DIR would leave the last ones.
  const removed = await removeStaleAssets(io, new Set(files))
  const milliseconds = Math.round(performance.now() - started)
  effects.log(
    `site: ${files.length} files (${removed.length} stale assets removed), ${indicators.length} indicator pages in ${milliseconds} ms`,
  )
  return { files, removed, indicators: indicators.map((d) => d.indicator.id), milliseconds }
}

/** Builds the site of the published folder `dir` on the file system. */
export function buildSiteIn(
  dir: string,
  log: (message: string) => void = () => {},
): Promise<BuildSiteResult> {
  return buildSite(fileSiteEffects(dir, log))
}
