import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'

/** Debian's Chromium: the browser tests drive it through playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium'

/**
 * Whether the browser tests run: always in CI (where `.ci/run` installs Chromium and a missing one must
 * fail), elsewhere only when Chromium is installed.
 */
export function browserTestsEnabled(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI) return true
  console.warn(`site browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium); CI runs them`)
  return false
}

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')

/** What a page did while it loaded: console errors, uncaught exceptions, requests to other hosts. */
export interface PageRecord {
  readonly errors: string[]
  readonly external: string[]
}

/** A new page that records its console errors, exceptions and every request leaving `origin`. */
export async function recordedPage(
  browser: Browser,
  origin: string,
): Promise<{ page: Page; record: PageRecord }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true })
  const record: PageRecord = { errors: [], external: [] }
  page.on('console', (m) => {
    if (m.type() === 'error') record.errors.push(m.text())
  })
  page.on('pageerror', (e) => record.errors.push(e.message))
  page.on('response', (r) => {
    if (r.status() >= 400) record.errors.push(`HTTP ${r.status()} ${r.url()}`)
  })
  page.on('request', (r) => {
    const url = r.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      record.external.push(url)
  })
  return { page, record }
}

/** Waits until every chart figure, every cross table and the explorer (if any) of the page are drawn. */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const figures = [...document.querySelectorAll('figure.psl-chart')]
    const drawn = figures.every((f) => f.querySelector('.psl-chart-view svg, .psl-chart-error'))
    const tables = [...document.querySelectorAll('div.psl-cross-table')]
    const rendered = tables.every((t) => t.querySelector('table') || t.classList.contains('psl-chart-error'))
    const explorer = document.getElementById('psl-explorer')
    return drawn && rendered && (!explorer || explorer.dataset.state !== undefined)
  })
}

let axeSource: string | undefined

/** The axe-core violations of the page (rule id and the elements concerned). */
export async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol rather than added as a script element: the partner
  // area's Content Security Policy allows no script, and the pages must be tested as served.
  axeSource ??= readFileSync(AXE, 'utf8')
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<any> } }).axe
    const results = await axe.run(document, { resultTypes: ['violations'] })
    return results.violations.map((v: { id: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
}

/**
 * The site paths a page loaded before its data: the document, styles and scripts (module chunks imported
 * at start included), leaving out the published tables, hierarchies and map boundaries it fetched.
 */
export async function pageFiles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.name.startsWith(`${location.origin}/`))
      .map((e) => new URL(e.name).pathname)
      .filter((path) => !/\/datasets\/|\/assets\/geo\/|release\.json$/.test(path)),
  )
}
