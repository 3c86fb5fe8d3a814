import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsEnabled, CHROMIUM, recordedPage } from '../../test/site/browser.ts'
import { type StaticSite, serveSite } from '../../test/site/static-server.ts'
import { buildSiteIn } from './build-site.ts'
import { GOLDEN_PUBLICATION } from './site.fixture.ts'

// The catalogue's search and facets (assets/catalogue.js) in headless Chromium, on the site of the
// golden publication: entrees-essai (theme EDUC), financements-essai (ECON), insertion-essai (EDUC, ECON).
let browser: Browser
let site: StaticSite

const enabled = browserTestsEnabled()

async function shown(page: Page): Promise<string[]> {
  return page.$$eval('#liste > li.card:not([hidden])', (items) =>
    items.map((li) => (li as HTMLElement).dataset.slug ?? ''),
  )
}

describe.skipIf(!enabled)('the catalogue in a browser', () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-catalogue-'))
    cpSync(GOLDEN_PUBLICATION, dir, { recursive: true })
    await buildSiteIn(dir)
    site = await serveSite(dir)
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  it('filters the list by words (accents and case ignored) and by facets, and counts what is shown', async () => {
    const { page, record } = await recordedPage(browser, site.url)
    await page.goto(`${site.url}catalogue/index.html`)
    await page.locator('#filtres').waitFor({ state: 'visible' })
    expect(await shown(page)).toEqual(['entrees-essai', 'financements-essai', 'insertion-essai'])

    await page.fill('#recherche', 'INSERTION')
    expect(await shown(page)).toEqual(['insertion-essai'])
    await expect(page.locator('#resultats').textContent()).resolves.toBe('1 jeu de données sur 3')

    await page.fill('#recherche', 'entrees')
    expect(await shown(page)).toEqual(['entrees-essai'])

    await page.fill('#recherche', '')
    await page.check('input[name="theme"][value="ECON"]')
    expect(await shown(page)).toEqual(['financements-essai', 'insertion-essai'])
    await page.fill('#recherche', 'région')
    expect(await shown(page)).toEqual(['insertion-essai'])

    // A place is found by its name, accents aside, in the datasets that have figures for it.
    await page.uncheck('input[name="theme"][value="ECON"]')
    await page.fill('#recherche', 'reunion')
    expect(await shown(page)).toEqual(['entrees-essai', 'insertion-essai'])
    expect(record.errors).toEqual([])
    expect(record.external).toEqual([])
  })

  it('lists every dataset without JavaScript, the filters staying hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.url}catalogue/index.html`)
    expect(await shown(page)).toEqual(['entrees-essai', 'financements-essai', 'insertion-essai'])
    expect(await page.locator('#filtres').isHidden()).toBe(true)
    await context.close()
  })
})
