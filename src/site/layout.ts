import { escapeAttribute, escapeHtml, join } from './html.ts'

/** What every page of the site shares: one HTML document around its `main` content. */
export interface PageOptions {
  /** Page title (the site name is appended in `<title>`). */
  readonly title: string
  /**
   * Prefix from this page to the site root: relative (`''` at the root, `'../'` one level down), or the
   * site's path on its host (`/`, `/passerelle/`) for the one page a host serves at any depth, 404.html.
   */
  readonly root: string
  /** This page's path from the site root, e.g. `indicateurs/entrees/index.html` (marks the current menu). */
  readonly path: string
  /** The HTML inside `<main>` (already escaped). */
  readonly main: string
  readonly description?: string
  /** Module scripts as paths from the site root, e.g. `assets/passerelle.js`. */
  readonly scripts?: readonly string[]
  /** Extra HTML for `<head>` (e.g. an inline JSON-LD script), already safe. */
  readonly head?: string
  readonly bodyClass?: string
}

/** The site's name, in every `<title>` and the header. */
export const SITE_NAME = 'Passerelle'

/** Main menu: label and target path from the site root. The section is the target's first folder. */
export const NAVIGATION: readonly { readonly label: string; readonly href: string }[] = [
  { label: 'Accueil', href: 'index.html' },
  { label: 'Indicateurs', href: 'indicateurs/index.html' },
  { label: 'Comparer les dispositifs', href: 'comparer/index.html' },
  { label: 'Explorer', href: 'explorer/index.html' },
  { label: 'Catalogue', href: 'catalogue/index.html' },
  { label: 'Espace partenaire', href: 'partenaires/index.html' },
]

/** Pages under `jeux-de-donnees/` belong to the catalogue section of the menu. */
const SECTION_ALIASES: Readonly<Record<string, string>> = { 'jeux-de-donnees': 'catalogue' }

function section(path: string): string {
  const first = path.includes('/') ? path.slice(0, path.indexOf('/')) : ''
  return SECTION_ALIASES[first] ?? first
}

function renderNavigation(root: string, path: string): string {
  const current = section(path)
  const items = NAVIGATION.map(({ label, href }) => {
    const isCurrent = section(href) === current
    const aria = isCurrent ? (href === path ? ' aria-current="page"' : ' aria-current="true"') : ''
    return `<li><a href="${escapeAttribute(root + href)}"${aria}>${escapeHtml(label)}</a></li>`
  })
  return `<nav class="site-nav" aria-label="Menu principal"><ul>${items.join('')}</ul></nav>`
}

function renderFooter(root: string): string {
  const link = (href: string, label: string, type?: string) =>
    `<a href="${escapeAttribute(root + href)}"${type ? ` type="${type}"` : ''}>${escapeHtml(label)}</a>`
  return `<footer class="site-footer">
<div class="wrap">
<p>Données publiées sous ${link('a-propos/index.html#licence', 'Licence Ouverte 2.0 (Etalab)')}. Statistiques agrégées et protégées par le ${link('a-propos/index.html#secret-statistique', 'secret statistique')}.</p>
<ul class="footer-links">
<li>${link('a-propos/index.html#sources', 'Sources et méthode')}</li>
<li>${link('flux.atom', 'Flux Atom des publications', 'application/atom+xml')}</li>
<li>${link('catalog.jsonld', 'Catalogue DCAT-AP (JSON-LD)', 'application/ld+json')}</li>
<li>${link('catalogue/index.html', 'Tous les jeux de données')}</li>
</ul>
</div>
</footer>`
}

/**
 * A full HTML document in French around `main`: skip link, header and menu, `<main id="contenu">`,
 * footer. Every internal link is relative (`root` + path), so the site works from any static host,
 * any sub-path and from the file system.
 * @example renderPage({ title: 'Catalogue', root: '../', path: 'catalogue/index.html', main: '<h1>…</h1>' })
 */
export function renderPage(options: PageOptions): string {
  const { title, root, path, main } = options
  const scripts = (options.scripts ?? []).map(
    (src) => `<script type="module" src="${escapeAttribute(root + src)}"></script>`,
  )
  const head = join([
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title === SITE_NAME ? title : `${title} · ${SITE_NAME}`)}</title>`,
    options.description && `<meta name="description" content="${escapeAttribute(options.description)}">`,
    // A data: icon so that browsers do not ask the host for /favicon.ico (a 404 outside the site).
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${escapeAttribute(`${root}assets/site.css`)}">`,
    `<link rel="alternate" type="application/atom+xml" title="Publications Passerelle" href="${escapeAttribute(`${root}flux.atom`)}">`,
    options.head,
    ...scripts,
  ])
  const bodyClass = options.bodyClass ? ` class="${escapeAttribute(options.bodyClass)}"` : ''
  return `<!doctype html>
<html lang="fr">
<head>
${head}
</head>
<body${bodyClass}>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
<div class="wrap">
<p class="site-name"><a href="${escapeAttribute(`${root}index.html`)}">${SITE_NAME}</a> <span class="site-tagline">Formation professionnelle&nbsp;: entrées, parcours et insertion</span></p>
${renderNavigation(root, path)}
</div>
</header>
<main id="contenu" tabindex="-1">
<div class="wrap">
${main}
</div>
</main>
${renderFooter(root)}
</body>
</html>
`
}

/** The relative prefix to the site root from a page at `path` (`a/b/index.html` → `../../`). */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1)
}
