import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseHierarchy } from '../../site/client/data/hierarchy.ts'
import { memoryIo } from '../../src/cli/io.ts'
import { main } from '../../src/cli/main.ts'
import {
  axeViolations,
  browserTestsEnabled,
  CHROMIUM,
  chartsDrawn,
  pageFiles,
  recordedPage,
} from './browser.ts'
import { type StaticSite, serveSite } from './static-server.ts'

// One generated hub, published with the site's test datasets (a département table for the map,
// dispositifs for comparisons, the home page's key figures); publish builds the site, which is served
// on a random port; every test opens pages of that site in one headless Chromium.
const DOSSIERS = '1500'
const datasets = join(import.meta.dirname, 'fixtures')
const screenshots = join(import.meta.dirname, 'screenshots')
let cwd: string
let out: string
let site: StaticSite
let browser: Browser

async function run(cwd: string, args: string[]): Promise<void> {
  const { io, stderr } = memoryIo({}, cwd)
  const code = await main(args, io)
  if (code !== 0) throw new Error(`passerelle ${args.join(' ')} failed: ${stderr.join('\n')}`)
}

/** Opens `path`, waits for its charts, saves a screenshot; returns the page and what it recorded. */
async function open(path: string, screenshot?: string) {
  const { page, record } = await recordedPage(browser, site.url)
  const response = await page.goto(site.url + path)
  await chartsDrawn(page)
  if (screenshot) await page.screenshot({ path: join(screenshots, `${screenshot}.png`), fullPage: true })
  return { page, record, status: response?.status() }
}

const MAP_VIEW =
  'jeu=insertion-essai&table=insertion_departement&indicateur=taux_emploi_6m&ventilation=territoire&niveau=departement&graphique=map'

const enabled = browserTestsEnabled()

describe.skipIf(!enabled)('the built site in headless Chromium', () => {
  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'passerelle-site-browser-'))
    out = join(cwd, '.passerelle', 'public')
    await run(cwd, ['demo', '--dossiers', DOSSIERS, '--no-serve', '--no-publish'])
    await run(cwd, ['publish', '--date', '2026-10-01', '--as-of', '2026-09-30', '--datasets-root', datasets])
    mkdirSync(screenshots, { recursive: true })
    site = await serveSite(out)
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    if (cwd) rmSync(cwd, { recursive: true, force: true })
  })

  const pages: [name: string, path: () => string][] = [
    ['accueil', () => 'index.html'],
    ['indicateur', () => 'indicateurs/taux-emploi-6m/index.html'],
    ['comparer', () => 'comparer/index.html'],
    ['explorateur', () => 'explorer/index.html'],
    ['integration', () => `explorer/embed.html?${MAP_VIEW}`],
    ['catalogue', () => 'catalogue/index.html'],
    ['jeu-de-donnees', () => 'jeux-de-donnees/insertion-essai/index.html'],
    // Deep, as a static host (GitHub Pages…) serves 404.html for a missing page anywhere in the tree.
    ['page-introuvable', () => 'dossier/sous-dossier/page-absente'],
  ]

  for (const [name, path] of pages) {
    it(`${name}: loads without console errors or requests to another host, 0 axe violations`, async () => {
      const { page, record, status } = await open(path(), name)
      expect(status).toBe(name === 'page-introuvable' ? 404 : 200)
      expect(await page.getAttribute('html', 'lang')).toBe('fr')
      const violations = await axeViolations(page)
      await page.close()
      expect({ errors: record.errors, external: record.external, violations }).toEqual({
        // The 404 page's only errors are its own status, as the server and the browser report it.
        errors:
          name === 'page-introuvable'
            ? [`HTTP 404 ${site.url}${path()}`, expect.stringContaining('status of 404')]
            : [],
        external: [],
        violations: [],
      })
    })
  }

  // A phone (WCAG 1.4.10, reflow at 320 CSS px; most readers arrive on one, 375 px wide for many):
  // charts drawn without errors (a bar of negative width is one), nothing wider than the window, every
  // table in its own labelled scrolling region that the keyboard can reach, lying within the window
  // and scrolling to the table's last column, and wider than its region only when its content is
  // (a chart table given a minimum width of 22rem scrolled by 17 px at 375 px, its last column's
  // right-aligned figures cut off by the region's edge with no sign of a scroll on a phone).
  const phonePages: [name: string, path: () => string][] = [
    ...pages.filter(([n]) => n !== 'page-introuvable'),
    ['explorateur-carte', () => `explorer/index.html?${MAP_VIEW}`],
    ['indicateurs', () => 'indicateurs/index.html'],
    ['a-propos', () => 'a-propos/index.html'],
  ]
  for (const width of [320, 375])
    for (const [name, path] of phonePages) {
      it(`${name} on a ${width} px wide phone: drawn without errors, nothing wider than the window, every table in a labelled scrolling region that reaches all of it and scrolls only when its content is wider, 0 axe violations`, async () => {
        const { page, record } = await recordedPage(browser, site.url)
        await page.setViewportSize({ width, height: 640 })
        await page.goto(site.url + path())
        await chartsDrawn(page)
        const layout = await page.evaluate(() => {
          const region = (t: Element) =>
            t.closest<HTMLElement>(
              '.table-scroll[role=region][tabindex="0"]:is([aria-label], [aria-labelledby])',
            )
          const name = (t: Element) => t.querySelector('caption')?.textContent ?? t.className
          const tables = [...document.querySelectorAll<HTMLTableElement>('main table')]
          return {
            pageWidth: Math.max(document.documentElement.scrollWidth, window.innerWidth),
            unwrapped: tables.filter((t) => !region(t)).map(name),
            unreachable: tables
              .filter((t) => {
                const r = region(t)
                if (!r) return false
                const box = r.getBoundingClientRect()
                const scrolls = ['auto', 'scroll'].includes(getComputedStyle(r).overflowX)
                const end = t.getBoundingClientRect().right - box.left + r.scrollLeft
                return (
                  box.left < 0 ||
                  box.right > window.innerWidth + 0.5 ||
                  (t.offsetWidth > r.clientWidth && !scrolls) ||
                  r.scrollWidth + 0.5 < end
                )
              })
              .map(name),
            // Wider than its region, though without the style's minimum width it would fit.
            forced: tables
              .filter((t) => {
                const r = region(t)
                if (!r || t.offsetWidth <= r.clientWidth) return false
                const before = t.style.minWidth
                t.style.minWidth = '0'
                const fits = t.offsetWidth <= r.clientWidth
                t.style.minWidth = before
                return fits
              })
              .map(name),
          }
        })
        const violations = await axeViolations(page)
        const suffix = width === 320 ? '' : `-${width}`
        await page.screenshot({ path: join(screenshots, `${name}${suffix}-phone.png`), fullPage: true })
        await page.close()
        expect({ errors: record.errors, ...layout, violations }).toEqual({
          errors: [],
          pageWidth: width,
          unwrapped: [],
          unreachable: [],
          forced: [],
          violations: [],
        })
      })
    }

  it('404 at any depth: its style applies and each of its links leads to a file of the site', async () => {
    const { page } = await open('a/b/c')
    const view = await page.evaluate(() => ({
      rules: [...document.styleSheets].reduce((sum, sheet) => sum + sheet.cssRules.length, 0),
      links: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
        .map((a) => a.href.split('#')[0]!)
        .filter((href) => href !== location.href),
    }))
    const statuses = await Promise.all(
      [...new Set(view.links)].map(async (href) => [href, (await page.request.get(href)).status()]),
    )
    await page.close()
    expect(view.rules).toBeGreaterThan(20)
    expect(statuses.filter(([, status]) => status !== 200)).toEqual([])
    expect(statuses.length).toBeGreaterThan(8)
  })

  it('draws every chart figure of the content pages with its table (none falls back to its error message)', async () => {
    for (const path of ['index.html', 'indicateurs/taux-emploi-6m/index.html', 'comparer/index.html']) {
      const { page } = await open(path)
      const counts = await page.evaluate(() => ({
        figures: document.querySelectorAll('figure.psl-chart').length,
        svgs: document.querySelectorAll('figure.psl-chart .psl-chart-view svg[role="img"][aria-label]')
          .length,
        errors: document.querySelectorAll('.psl-chart-error').length,
        // The accessible table of each chart, rendered from the same published rows.
        tables: document.querySelectorAll('figure.psl-chart .psl-figure-table table caption').length,
        rows: document.querySelectorAll('figure.psl-chart .psl-figure-table tbody tr').length,
      }))
      await page.close()
      expect(counts.figures, path).toBeGreaterThan(0)
      expect(counts.rows, path).toBeGreaterThan(counts.figures)
      expect(counts, path).toEqual({
        figures: counts.figures,
        svgs: counts.figures,
        errors: 0,
        tables: counts.figures,
        rows: counts.rows,
      })
    }
  })

  it('maps every département of the data, the five overseas ones included, secret ones hatched', async () => {
    const hierarchy = parseHierarchy(
      readFileSync(join(out, 'datasets/insertion-essai/hierarchies/territoire.csv'), 'utf8'),
    )
    const table = JSON.parse(
      readFileSync(join(out, 'datasets/insertion-essai/insertion_departement.json'), 'utf8'),
    )
    const expected = new Map<string, string>()
    for (const row of table.rows)
      if (
        row.periode === '_T' &&
        hierarchy.nodes.get(row.territoire)?.level === 'departement' &&
        row.territoire !== 'DZZ'
      )
        expected.set(
          row.territoire,
          ['A', 'B', 'D'].includes(row.taux_emploi_6m_statut)
            ? 'secret'
            : row.taux_emploi_6m === null
              ? 'undefined'
              : 'value',
        )
    const { page } = await open(`explorer/index.html?${MAP_VIEW}`)
    const drawn = await page.$$eval('svg.psl-map path[data-code]', (paths) =>
      paths.map((p) => [p.getAttribute('data-code'), p.getAttribute('data-state'), p.getAttribute('fill')]),
    )
    await page.close()
    const byCode = new Map(drawn.map(([code, state, fill]) => [code!, { state, fill }]))
    for (const overseas of ['D971', 'D972', 'D973', 'D974', 'D976'])
      expect(byCode.has(overseas), overseas).toBe(true)
    expect([...expected.keys()].filter((code) => !byCode.has(code))).toEqual([])
    for (const [code, state] of expected) {
      expect(byCode.get(code)?.state, code).toBe(state)
      if (state === 'secret') expect(byCode.get(code)?.fill, code).toMatch(/^url\(#psl-hatch-\d+\)$/)
    }
    expect(drawn.length).toBe(101)
  })

  it('explorer: each choice redraws the chart and enters the URL; reload and back/forward restore the view', async () => {
    const { page } = await open('explorer/index.html')
    const label = () => page.getAttribute('.psl-chart-view svg[role="img"]', 'aria-label')
    const before = await label()
    await page.selectOption('#psl-jeu', 'insertion-essai')
    await page.waitForURL(/jeu=insertion-essai/)
    await page.selectOption('#psl-table', 'insertion_departement')
    await page.waitForURL(/table=insertion_departement/)
    await page.selectOption('#psl-indicateur', 'taux_emploi_6m')
    await page.waitForURL(/indicateur=taux_emploi_6m/)
    await page.selectOption('#psl-filtre-periode', '2025')
    await page.waitForURL(/periode=2025/)
    await page.check('#psl-graphique-map')
    await page.waitForURL(/graphique=map/)
    await page.waitForSelector('svg.psl-map')
    const mapLabel = await label()
    expect(mapLabel).not.toBe(before)
    expect(mapLabel).toContain('Taux d’emploi salarié à 6 mois par territoire de résidence — 2025')
    const url = page.url()
    expect(new URL(url).search).toBe(
      '?jeu=insertion-essai&table=insertion_departement&indicateur=taux_emploi_6m&ventilation=territoire&niveau=region&graphique=map&periode=2025',
    )
    await page.reload()
    await chartsDrawn(page)
    expect([
      page.url(),
      await label(),
      await page.inputValue('#psl-filtre-periode'),
      await page.isChecked('#psl-graphique-map'),
    ]).toEqual([url, mapLabel, '2025', true])
    await page.goBack()
    await page.waitForURL((u) => !u.search.includes('graphique=map'))
    await page.waitForFunction(() => !document.querySelector('svg.psl-map'))
    expect(await page.isChecked('#psl-graphique-bar')).toBe(true)
    await page.goForward()
    await page.waitForSelector('svg.psl-map')
    expect(page.url()).toBe(url)
    await page.close()
  })

  it('explorer: a région frames a bar chart of its départements ("Dans")', async () => {
    const hierarchy = parseHierarchy(
      readFileSync(join(out, 'datasets/insertion-essai/hierarchies/territoire.csv'), 'utf8'),
    )
    const inAra = [...hierarchy.nodes.values()].filter((n) => n.parent === 'R84').map((n) => n.label)
    const { page } = await open(
      'explorer/index.html?jeu=insertion-essai&table=insertion_departement&ventilation=territoire&niveau=departement&graphique=bar',
    )
    await page.selectOption('#psl-dans', 'R84')
    await page.waitForURL(/territoire=R84/)
    await chartsDrawn(page)
    const rows = await page.$$eval('.psl-data-table tbody th', (cells) => cells.map((c) => c.textContent))
    const title = await page.textContent('#psl-vue-titre')
    await page.close()
    expect(inAra.length).toBeGreaterThan(5)
    expect([rows, title]).toEqual([
      inAra,
      'Sorties par territoire de résidence — Auvergne-Rhône-Alpes, toutes périodes confondues',
    ])
  })

  it('explorer: the level chosen applies with « Dans » at Ensemble (départements of the whole country, not régions)', async () => {
    const hierarchy = parseHierarchy(
      readFileSync(join(out, 'datasets/insertion-essai/hierarchies/territoire.csv'), 'utf8'),
    )
    const departements = [...hierarchy.nodes.values()]
      .filter((n) => n.level === 'departement')
      .map((n) => n.label)
    const { page } = await open(
      'explorer/index.html?jeu=insertion-essai&table=insertion_departement&ventilation=territoire&niveau=departement&graphique=bar',
    )
    const rows = await page.$$eval('.psl-data-table tbody th', (cells) => cells.map((c) => c.textContent))
    await page.close()
    expect(departements.length).toBeGreaterThan(20)
    expect(rows).toEqual(departements)
  })

  it('explorer: compares a second dimension side by side (one colour per code, named in the legend)', async () => {
    const { page } = await open(
      'explorer/index.html?jeu=insertion-essai&table=insertion_departement&indicateur=nb_sorties&ventilation=territoire',
    )
    await page.selectOption('#psl-comparer', 'periode')
    await page.waitForURL(/comparer=periode/)
    await chartsDrawn(page)
    const view = await page.evaluate(() => ({
      legend: [...document.querySelectorAll('.psl-legend li')].map((li) => li.textContent?.trim()),
      kinds: [...document.querySelectorAll<HTMLInputElement>('input[name=psl-graphique]')].map(
        (i) => i.value,
      ),
      periodFilter: document.getElementById('psl-filtre-periode') !== null,
      title: document.getElementById('psl-vue-titre')?.textContent,
    }))
    await page.close()
    expect(view.legend.slice(0, 3)).toEqual(['2021', '2022', '2023'])
    expect([view.kinds, view.periodFilter, view.title]).toEqual([
      ['bar'],
      false,
      'Sorties par territoire de résidence et période',
    ])
  })

  // 18 régions by period overlaid in one frame, in eight cycling colours, were a tangle: each région
  // gets a small panel on the same scales, its line over the others in grey, named above it.
  it('explorer: a line of 18 régions is drawn as small multiples (a named panel each, on a 1200 and a 375 px screen), its table beside, 0 axe violations', async () => {
    const view = async (width: number) => {
      const { page, record } = await recordedPage(browser, site.url)
      await page.setViewportSize({ width, height: 900 })
      await page.goto(
        `${site.url}explorer/index.html?jeu=entrees-essai&table=entrees_region&ventilation=periode`,
      )
      await chartsDrawn(page)
      await page.selectOption('#psl-comparer', 'territoire')
      await page.waitForURL(/comparer=territoire/)
      await page.waitForSelector('svg.psl-small-multiples')
      await chartsDrawn(page)
      const drawn = await page.evaluate(() => {
        const svg = document.querySelector('.psl-chart-view svg')!
        const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '')
        const texts = new Set([...svg.querySelectorAll('text')].map((t) => flat(t.textContent)))
        // The table lists every cell: période, région, value.
        const regions = [
          ...new Set(
            [...document.querySelectorAll('details tbody tr')].map((tr) => tr.children[1]?.textContent),
          ),
        ]
        return {
          regions: regions.length,
          unnamed: regions.filter((r) => !texts.has(flat(r))),
          legend: [...document.querySelectorAll('.psl-legend li')].map((li) => li.textContent?.trim()),
          label: svg.getAttribute('role') === 'img' && (svg.getAttribute('aria-label') ?? '').length > 20,
          pageWidth: Math.max(document.documentElement.scrollWidth, window.innerWidth),
          // Panels side by side: the distinct left edges of their titles.
          columns: new Set(
            [...svg.querySelectorAll('text')]
              .filter((t) => regions.some((r) => flat(r) === flat(t.textContent)))
              .map((t) => Math.round(t.getBoundingClientRect().left)),
          ).size,
        }
      })
      const violations = await axeViolations(page)
      const file = width < 480 ? 'explorateur-regions-phone' : 'explorateur-regions'
      await page.screenshot({ path: join(screenshots, `${file}.png`), fullPage: true })
      await page.close()
      return { errors: record.errors, ...drawn, violations }
    }
    const wide = await view(1200)
    const phone = await view(375)
    for (const [drawn, columns, width] of [
      [wide, 6, 1200],
      [phone, 2, 375],
    ] as const)
      expect(drawn, `${width} px`).toEqual({
        errors: [],
        regions: 18,
        unnamed: [],
        legend: [
          'les autres courbes, pour comparer',
          expect.stringMatching(/^secret statistique/),
          ...drawn.legend.slice(2),
        ],
        label: true,
        pageWidth: width,
        columns,
        violations: [],
      })
  })

  it('explorer: works with the keyboard alone (a choice keeps the focus on its control, Tab goes on)', async () => {
    const { page } = await open('explorer/index.html')
    await page.focus('#psl-indicateur')
    const before = page.url()
    await page.keyboard.press('ArrowDown')
    await page.waitForURL((u) => u.href !== before)
    await chartsDrawn(page)
    const focused = () => page.evaluate(() => document.activeElement?.id)
    expect([new URL(page.url()).searchParams.get('indicateur'), await focused()]).toEqual([
      'nb_personnes',
      'psl-indicateur',
    ])
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('psl-ventilation')
    await page.close()
  })

  it('embed: the chart alone with its title, legend and source, and the explorer offers its iframe code', async () => {
    const { page } = await open(`explorer/index.html?${MAP_VIEW}`)
    await page.click('text=Intégrer')
    const snippet = await page.inputValue('#psl-code-integration')
    const src = /src="([^"]+)"/.exec(snippet)?.[1] ?? ''
    expect(src).toBe(`${site.url}explorer/embed.html?${MAP_VIEW}`)
    await page.close()
    const embed = await open(src.slice(site.url.length))
    const content = await embed.page.evaluate(() => ({
      nav: document.querySelectorAll('nav').length,
      title: document.querySelector('h1')?.textContent,
      map: document.querySelectorAll('svg.psl-map path[data-code]').length,
      legend: [...document.querySelectorAll('.psl-legend li')].map((li) => li.textContent ?? ''),
      source: document.querySelector('.psl-source')?.textContent,
    }))
    await embed.page.close()
    expect(content.nav).toBe(0)
    expect(content.title).toBe(
      'Taux d’emploi salarié à 6 mois par territoire de résidence — toutes périodes confondues',
    )
    expect(content.map).toBe(101)
    expect(content.legend.some((t) => t.startsWith(' secret statistique'))).toBe(true)
    expect(content.source).toContain('Source : Passerelle, jeu « Insertion (essai) »')
  })

  async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`text=${button}`)])
    const path = await file.path()
    return { name: file.suggestedFilename(), bytes: readFileSync(path) }
  }

  it('downloads the view as CSV (statuses kept, suppressed values empty), SVG and PNG (hatch included)', async () => {
    const view =
      'jeu=insertion-essai&table=insertion_dispositif&indicateur=taux_emploi_6m&ventilation=dispositif&graphique=bar'
    const { page } = await open(`explorer/index.html?${view}`)
    const csv = await download(page, 'Données (CSV)')
    const svg = await download(page, 'Image (SVG)')
    const png = await download(page, 'Image (PNG)')
    // The PNG's pixels: how many have the hatch's two colours (pale yellow, olive) and the bars' blue.
    const pixels = await page.evaluate(async (base64) => {
      const image = new Image()
      image.src = `data:image/png;base64,${base64}`
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.width
      canvas.height = image.height
      const context = canvas.getContext('2d')!
      context.drawImage(image, 0, 0)
      const data = context.getImageData(0, 0, image.width, image.height).data
      const near = (i: number, [r, g, b]: number[]) =>
        Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 24
      const counts = { hatchBackground: 0, hatchLine: 0, bar: 0 }
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, [0xfb, 0xf4, 0xd9])) counts.hatchBackground++
        if (near(i, [0x5b, 0x4a, 0x00])) counts.hatchLine++
        if (near(i, [0x1f, 0x5f, 0x9e])) counts.bar++
      }
      return counts
    }, png.bytes.toString('base64'))
    await page.close()
    // A secret cell's mark is as long as its word: its hatch has fewer pixels than the bars.
    expect(Object.entries(pixels).filter(([, n]) => n < 100)).toEqual([])
    const table = JSON.parse(
      readFileSync(join(out, 'datasets/insertion-essai/insertion_dispositif.json'), 'utf8'),
    )
    const rows = table.rows.filter((r: any) => r.periode === '_T' && r.dispositif !== '_T')
    const lines = csv.bytes.toString('utf8').trimEnd().split('\n')
    expect(csv.name).toBe('insertion-dispositif-taux-emploi-6m-dispositif.csv')
    expect(lines[0]).toBe(
      'periode,periode_libelle,dispositif,dispositif_libelle,taux_emploi_6m,taux_emploi_6m_statut,taux_emploi_6m_ic_bas,taux_emploi_6m_ic_haut',
    )
    expect(lines.length - 1).toBe(rows.length)
    for (const row of rows) {
      const line = lines.find((l) => l.split(',')[2] === row.dispositif)!
      const fields = line.split(',')
      const value = fields[fields.length - 4]
      expect([value, fields[fields.length - 3]], row.dispositif).toEqual([
        row.taux_emploi_6m === null ? '' : String(row.taux_emploi_6m),
        row.taux_emploi_6m_statut,
      ])
    }
    expect(rows.some((r: any) => r.taux_emploi_6m_statut !== 'V')).toBe(true)
    const svgText = svg.bytes.toString('utf8')
    expect(svg.name).toMatch(/\.svg$/)
    expect(svgText.startsWith('<?xml')).toBe(true)
    expect(svgText).toContain('<pattern')
    expect(svgText).toContain('secret statistique')
    expect(svgText).toContain('Taux d’emploi salarié à 6 mois par dispositif')
    expect(png.name).toMatch(/\.png$/)
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(600)
  })

  it('keeps every page type within 300 KB before its data: HTML, CSS and every script it loads, raw', async () => {
    const weights: Record<string, { raw: number; gzip: number }> = {}
    for (const [name, path] of pages) {
      const { page, status } = await open(path())
      // Every file the page loaded once drawn (module chunks imported at start included), less its data.
      const files = (await pageFiles(page)).map((p) =>
        p === `/${path()}` && status === 404 ? '404.html' : p === '/' ? 'index.html' : p.slice(1),
      )
      await page.close()
      const bytes = files.map((f) => readFileSync(join(out, f)))
      weights[name] = {
        raw: bytes.reduce((sum, b) => sum + b.length, 0),
        gzip: bytes.reduce((sum, b) => sum + gzipSync(b).length, 0),
      }
    }
    console.info(`page weights before data, bytes: ${JSON.stringify(weights)}`)
    expect(Object.entries(weights).filter(([, w]) => w.raw > 300_000)).toEqual([])
  })
})
