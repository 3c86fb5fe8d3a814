import { SaxesParser } from '@rubensworks/saxes'
import { beforeAll, describe, expect, it } from 'vitest'
import { specCells, specDimensions } from '../../site/client/charts/draw-chart.ts'
import { figureTableHtml } from '../../site/client/charts/figure-table.ts'
import { parseHierarchy } from '../../site/client/data/hierarchy.ts'
import type { PublishedTable } from '../../site/client/data/published-table.ts'
import { buildSite } from './build-site.ts'
import type { ChartSpec } from './chart-spec.ts'
import type { ClientBundler } from './client-bundle.ts'
import { memorySiteEffects } from './effects.ts'
import { publishedFiles } from './site.fixture.ts'

// One build of the site from the golden publication of test/publish.test.ts, in memory.
let files: Map<string, string | Uint8Array>
let written: readonly string[]
const text = (path: string) => {
  const value = files.get(path)
  if (typeof value !== 'string') throw new Error(`not a written text file: ${path}`)
  return value
}
const pages = () => written.filter((p) => p.endsWith('.html'))

beforeAll(async () => {
  files = publishedFiles()
  written = (await buildSite(memorySiteEffects(files))).files
}, 60_000)

/** The chart specs of a page's figures. */
const specsOf = (html: string): ChartSpec[] =>
  [...html.matchAll(/data-spec='([^']*)'/g)].map(
    (m) =>
      JSON.parse(
        m[1]!
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&'),
      ) as ChartSpec,
  )

/** The folder of a site path (`a/b/index.html` → `a/b/`). */
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1)

/** Resolves a relative URL of a page to a path of DIR (directories to their index.html). */
function resolveLink(page: string, url: string): string {
  const resolved = new URL(url, `http://site.invalid/${folderOf(page)}`).pathname.slice(1)
  return decodeURIComponent(resolved.endsWith('/') || resolved === '' ? `${resolved}index.html` : resolved)
}

describe('buildSite on a published folder', () => {
  it('writes every page type, the assets, the catalogue index and the feed', () => {
    for (const path of [
      'index.html',
      'indicateurs/index.html',
      'indicateurs/entrees/index.html',
      'indicateurs/taux-emploi-6m/index.html',
      'comparer/index.html',
      'catalogue/index.html',
      'catalogue/index.json',
      'jeux-de-donnees/entrees-essai/index.html',
      'jeux-de-donnees/insertion-essai/index.html',
      'jeux-de-donnees/financements-essai/index.html',
      'explorer/index.html',
      'explorer/embed.html',
      'a-propos/index.html',
      'partenaires/index.html',
      '404.html',
      'flux.atom',
      'assets/site.css',
      'assets/catalogue.js',
      'assets/passerelle.js',
    ])
      expect(files.has(path), path).toBe(true)
  })

  it('links and loads only files of the site: every relative href and src resolves to a file', () => {
    const broken: string[] = []
    let checked = 0
    for (const page of pages()) {
      for (const [, url] of text(page).matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (!url || url.startsWith('#') || url.startsWith('data:')) continue
        // Served by the hub itself (the partner area), not part of a static copy.
        if (url.endsWith('espace-partenaire/')) continue
        const target = resolveLink(page, url.replace(/&amp;/g, '&'))
        checked++
        if (!files.has(target)) broken.push(`${page} → ${url}`)
      }
    }
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(200)
  })

  it('links every page but 404.html relatively (the site works from any host, sub-path and file://)', () => {
    const rooted = pages().flatMap((page) =>
      [...text(page).matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => `${page}: ${m[1]}`),
    )
    expect(rooted.filter((r) => !r.startsWith('404.html: '))).toEqual([])
    expect(rooted.length).toBeGreaterThan(10)
  })

  it('makes no request to another host: no absolute or protocol-relative URL in any href or src', () => {
    const external = pages().flatMap((page) =>
      [...text(page).matchAll(/\s(?:href|src|action)="((?:[a-z][a-z0-9+.-]*:)?\/\/[^"]*)"/gi)].map(
        (m) => `${page}: ${m[1]}`,
      ),
    )
    expect(external).toEqual([])
  })

  it('keeps every page in French and under 300 KB of HTML', () => {
    const problems = pages().flatMap((page) => {
      const html = text(page)
      return [
        ...(html.includes('<html lang="fr">') ? [] : [`${page}: no lang="fr"`]),
        ...(Buffer.byteLength(html) <= 300 * 1024 ? [] : [`${page}: ${Buffer.byteLength(html)} bytes`]),
      ]
    })
    expect(problems).toEqual([])
  })

  it('carries no data table: each figure’s table is rendered from its published table, never twice', () => {
    const html = text('indicateurs/taux-emploi-6m/index.html')
    const figures = html.split('<figure class="psl-chart"').length - 1
    expect(figures).toBeGreaterThan(1)
    expect([
      html.includes('<table'),
      html.split('<div class="psl-figure-table"><noscript>').length - 1,
    ]).toEqual([false, figures])
  })

  it('shows each suppressed région as "secret" with its explanation, never as 0 or a blank', () => {
    const page = 'indicateurs/taux-emploi-6m/index.html'
    const html = text(page)
    const spec = specsOf(html).find((s) => s.kind === 'map' && s.level === 'region')!
    const data = JSON.parse(text(resolveLink(page, spec.data))) as PublishedTable
    const hierarchies = new Map(
      specDimensions(spec, data).map((d) => [
        d,
        parseHierarchy(text(resolveLink(page, spec.data.replace(/[^/]+\.json$/, `hierarchies/${d}.csv`)))),
      ]),
    )
    // What the browser renders under the map, from the same files.
    const { cells } = specCells(spec, data, hierarchies)
    const table = figureTableHtml(spec.title, spec.table!, cells)
    const secrets = cells.filter((c) => c.state === 'secret')
    expect(secrets.length).toBeGreaterThan(0)
    for (const cell of secrets) {
      const header = `<th scope="row">${cell.xLabel}</th>`
      const row = table.slice(table.indexOf(header) + header.length).split('</tr>')[0]
      expect(row, cell.x).toMatch(
        /^(<td class="num secret"><a href="\.\.\/\.\.\/a-propos\/index\.html#secret-statistique"><abbr title="Secret statistique : secret [^"]+">secret<\/abbr><\/a><\/td>){2}$/,
      )
    }
    expect(html).toContain('<p class="legend">')
  })

  it('writes an Atom 1.0 feed that parses as XML, with one entry per release', () => {
    const names: string[] = []
    const parser = new SaxesParser({ xmlns: true })
    parser.on('opentag', (tag) => names.push(`${tag.uri} ${tag.local}`))
    parser.write(text('flux.atom')).close()
    const atom = 'http://www.w3.org/2005/Atom'
    expect(names[0]).toBe(`${atom} feed`)
    const releases = (JSON.parse(text('releases.json')) as { releases: unknown[] }).releases
    expect(names.filter((n) => n === `${atom} entry`)).toHaveLength(releases.length)
    for (const required of ['id', 'title', 'updated', 'author'])
      expect(names).toContain(`${atom} ${required}`)
  })

  it('indexes every published dataset in the catalogue, and lists each in its HTML', () => {
    const release = JSON.parse(text('release.json')) as { datasets: { slug: string }[] }
    const index = JSON.parse(text('catalogue/index.json')) as {
      datasets: { slug: string; themes: string[] }[]
    }
    expect(index.datasets.map((d) => d.slug)).toEqual(release.datasets.map((d) => d.slug))
    expect(index.datasets.every((d) => d.themes.length > 0)).toBe(true)
    const html = text('catalogue/index.html')
    for (const { slug } of release.datasets) expect(html).toContain(`data-slug="${slug}"`)
  })

  it('inlines each dataset’s schema.org description as JSON-LD', () => {
    const html = text('jeux-de-donnees/insertion-essai/index.html')
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1]
    expect(JSON.parse(json ?? 'null')).toEqual(JSON.parse(text('datasets/insertion-essai/schema.jsonld')))
  })
})

/** Every href and src of a page, as written (entities of `&` undone). */
const urlsOf = (html: string) =>
  [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))

describe('404.html, which a static host serves for a missing page at any depth', () => {
  /** What the browser requests for each URL of 404.html shown at `location`, as paths of DIR. */
  const requested = (html: string, location: string, sitePath: string) =>
    urlsOf(html)
      .filter((url) => !url.startsWith('#') && !url.startsWith('data:'))
      .map((url) => {
        const path = new URL(url, location).pathname
        return path.startsWith(sitePath) ? path.slice(sitePath.length) : `outside the site: ${path}`
      })

  it('loads its style and links to existing pages from /x/y/z on a host serving the site at its root', () => {
    const paths = requested(text('404.html'), 'http://host.invalid/x/y/z', '/')
    expect(paths).toContain('assets/site.css')
    expect(paths.filter((p) => !files.has(p))).toEqual([])
  })

  it('does so under the sub-path of publish’s --base-url (https://example.org/passerelle/)', async () => {
    const dir = publishedFiles()
    dir.set(
      'catalog.jsonld',
      text('catalog.jsonld').replaceAll('http://localhost:8080/', 'https://example.org/passerelle/'),
    )
    await buildSite(memorySiteEffects(dir), { bundle: async () => [] })
    const html = String(dir.get('404.html'))
    const paths = requested(html, 'https://example.org/passerelle/x/y/z', '/passerelle/')
    expect(paths).toContain('assets/site.css')
    expect(paths.filter((p) => !dir.has(p))).toEqual([])
    // The other pages do not depend on where the site is served.
    expect(dir.get('index.html')).toEqual(files.get('index.html'))
  })
})

describe('buildSite into a folder it built before', () => {
  /** A stand-in bundle whose entry imports one chunk named by `hash`, like esbuild's. */
  const bundleOf =
    (hash: string): ClientBundler =>
    async () => [
      { path: 'assets/passerelle.js', contents: Buffer.from(`import "./chunks/charts-${hash}.js"`) },
      { path: `assets/chunks/charts-${hash}.js`, contents: Buffer.from(`console.log("${hash}")`) },
    ]
  const outsideAssets = (dir: Map<string, unknown>) => [...dir.keys()].filter((p) => !p.startsWith('assets/'))

  it('keeps only the second build’s chunks and every file outside the assets folder', async () => {
    const dir = publishedFiles()
    const published = outsideAssets(dir)
    const first = await buildSite(memorySiteEffects(dir), { bundle: bundleOf('AAAA1111') })
    const afterFirst = outsideAssets(dir)
    const second = await buildSite(memorySiteEffects(dir), { bundle: bundleOf('BBBB2222') })
    const assets = [...dir.keys()].filter((p) => p.startsWith('assets/')).sort()
    expect({
      assets,
      removed: second.removed,
      firstRemoved: first.removed,
      outside: outsideAssets(dir),
    }).toEqual({
      assets: [
        'assets/catalogue.js',
        'assets/chunks/charts-BBBB2222.js',
        'assets/geo/departements.geojson',
        'assets/geo/regions.geojson',
        'assets/passerelle.js',
        'assets/site.css',
      ],
      removed: ['assets/chunks/charts-AAAA1111.js'],
      firstRemoved: [],
      outside: afterFirst,
    })
    expect(afterFirst.filter((p) => !published.includes(p))).toEqual(
      second.files.filter((p) => !p.startsWith('assets/')),
    )
  })
})
