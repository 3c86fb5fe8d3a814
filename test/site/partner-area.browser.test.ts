import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type ServerType, serve } from '@hono/node-server'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, partnerFixture } from '../security/partner-fixture.ts'
import { openTestStore, type TestStore } from '../store.ts'
import { axeViolations, browserTestsEnabled, CHROMIUM, type PageRecord, recordedPage } from './browser.ts'

// The partner area served by the hub's own app (the security tests' fixture: CDC and R84 share a
// dossier, OPCO has its own) on a random port of 127.0.0.1, opened in one headless Chromium. CDC's
// user signs in through the form in every page, as a person would.
const screenshots = join(import.meta.dirname, 'screenshots')
let store: TestStore
let server: ServerType
let origin: string
let browser: Browser

const AREA = '/espace-partenaire'
const EMAIL = 'cdc@example.fr'

const enabled = browserTestsEnabled()

/** A new recorded page, signed in as CDC's user through the sign-in form. */
async function signedIn(): Promise<{ page: Page; record: PageRecord }> {
  const opened = await recordedPage(browser, origin)
  await opened.page.goto(`${origin}${AREA}/connexion`)
  await opened.page.fill('#email', EMAIL)
  await opened.page.fill('#password', PASSWORD)
  await Promise.all([opened.page.waitForURL(`**${AREA}/recherche`), opened.page.click('button[type=submit]')])
  return opened
}

/** What a page shows a test: its status, language, title, errors, requests elsewhere, axe violations. */
async function inspect(page: Page, record: PageRecord, status: number | undefined, screenshot: string) {
  await page.screenshot({ path: join(screenshots, `partner-${screenshot}.png`), fullPage: true })
  const report = {
    status,
    lang: await page.getAttribute('html', 'lang'),
    h1: await page.textContent('h1'),
    // WCAG 1.4.10: nothing makes the page wider than the window (a wide table scrolls in its region).
    overflows: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    errors: record.errors,
    external: record.external,
    violations: await axeViolations(page),
  }
  await page.close()
  return report
}

describe.skipIf(!enabled)('the partner area in headless Chromium', () => {
  beforeAll(async () => {
    store = await openTestStore()
    const fx = await partnerFixture(store)
    server = serve({ fetch: fx.app.fetch, hostname: '127.0.0.1', port: 0 })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    mkdirSync(screenshots, { recursive: true })
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    await store?.dispose()
  })

  it('sign-in page: loads without console errors or requests to another host, 0 axe violations', async () => {
    const { page, record } = await recordedPage(browser, origin)
    const response = await page.goto(`${origin}${AREA}/connexion`)
    expect(await inspect(page, record, response?.status(), 'connexion')).toEqual({
      status: 200,
      lang: 'fr',
      h1: 'Connexion',
      overflows: false,
      errors: [],
      external: [],
      violations: [],
    })
  })

  const pages: [name: string, path: string, h1: string][] = [
    ['dossier', '/dossiers/CPF-1', 'Dossier CPF-1'],
    ['changements', '/changements', 'Changements des cofinanceurs'],
    ['tableau-de-bord', '/tableau-de-bord', 'Tableau de bord'],
    ['qualite', '/qualite', 'Qualité de vos données'],
    ['export', '/export', 'Export de vos données'],
    ['mot-de-passe', '/mot-de-passe', 'Changer de mot de passe'],
  ]

  for (const [name, path, h1] of pages) {
    it(`${name}: loads signed in without console errors or requests to another host, 0 axe violations`, async () => {
      const { page, record } = await signedIn()
      const response = await page.goto(`${origin}${AREA}${path}`)
      expect(await inspect(page, record, response?.status(), name)).toEqual({
        status: 200,
        lang: 'fr',
        h1,
        overflows: false,
        errors: [],
        external: [],
        violations: [],
      })
    })
  }

  // A phone (WCAG 1.4.10, reflow at 320 CSS px): every table scrolls in its own region and the page
  // never grows wider than the window; the search results are the widest table.
  for (const [name, path] of [
    ...pages.map(([n, p]) => [n, p] as const),
    ['recherche', '/recherche'] as const,
  ]) {
    it(`${name} on a 320 px wide phone: nothing wider than the window, every table in a labelled scrolling region`, async () => {
      const { page } = await signedIn()
      await page.setViewportSize({ width: 320, height: 640 })
      await page.goto(`${origin}${AREA}${path}`)
      if (name === 'recherche')
        await Promise.all([page.waitForSelector('table caption'), page.click('main button[type=submit]')])
      const layout = await page.evaluate(() => ({
        overflows: document.documentElement.scrollWidth > window.innerWidth,
        unwrapped: [...document.querySelectorAll('table')].filter(
          (t) => !t.parentElement?.matches('.defilement[role=region][tabindex="0"][aria-labelledby]'),
        ).length,
      }))
      await page.screenshot({ path: join(screenshots, `partner-${name}-phone.png`), fullPage: true })
      await page.close()
      expect(layout).toEqual({ overflows: false, unwrapped: 0 })
    })
  }

  it('search results: the form posts, the results list the partner’s dossiers, 0 axe violations', async () => {
    const { page, record } = await signedIn()
    await page.selectOption('#dispositif', 'CPF')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('main button[type=submit]'),
    ])
    await page.waitForSelector('table caption')
    const ids = await page.$$eval('tbody tr td:first-child', (cells) => cells.map((c) => c.textContent))
    expect(ids).toEqual(['CPF-1', 'CPF-2'])
    expect(await inspect(page, record, response.status(), 'recherche')).toEqual({
      status: 200,
      lang: 'fr',
      h1: 'Recherche de vos dossiers',
      overflows: false,
      errors: [],
      external: [],
      violations: [],
    })
  })

  it('error page: another partner’s or an unknown dossier answers 404 with the area’s page, 0 axe violations', async () => {
    const { page, record } = await signedIn()
    const url = `${origin}${AREA}/dossiers/OP-1`
    const response = await page.goto(url)
    expect(await inspect(page, record, response?.status(), 'page-introuvable')).toEqual({
      status: 404,
      lang: 'fr',
      h1: 'Page introuvable',
      overflows: false,
      // The page's only errors are its own status, as the server and the browser report it.
      errors: [`HTTP 404 ${url}`, expect.stringContaining('status of 404')],
      external: [],
      violations: [],
    })
  })

  it('sign-in by keyboard alone: skip link, e-mail, password, button, each with a visible focus', async () => {
    const { page, record } = await recordedPage(browser, origin)
    await page.goto(`${origin}${AREA}/connexion`)
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const style = getComputedStyle(el)
        return {
          what: el.id || el.textContent?.trim() || el.tagName,
          outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
        }
      })
    const seen = []
    await page.keyboard.press('Tab')
    seen.push(await focused())
    await page.keyboard.press('Enter') // the skip link: the next Tab starts in main
    await page.keyboard.press('Tab')
    seen.push(await focused())
    await page.keyboard.type(EMAIL)
    await page.keyboard.press('Tab')
    seen.push(await focused())
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Tab')
    seen.push(await focused())
    expect(seen).toEqual([
      { what: 'Aller au contenu', outline: true },
      { what: 'email', outline: true },
      { what: 'password', outline: true },
      { what: 'Se connecter', outline: true },
    ])
    await Promise.all([page.waitForURL(`**${AREA}/recherche`), page.keyboard.press('Enter')])
    expect(await page.textContent('header .session span')).toBe(`Caisse des Dépôts — ${EMAIL}`)
    await page.close()
    expect({ errors: record.errors, external: record.external }).toEqual({ errors: [], external: [] })
  })
})
