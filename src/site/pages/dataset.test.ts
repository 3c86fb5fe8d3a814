import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { memorySiteEffects } from '../effects.ts'
import { catalogueEntry } from '../facets.ts'
import { readPublished } from '../published.ts'
import { publishedFiles } from '../site.fixture.ts'
import { renderDatasetMain } from './dataset.ts'

// Golden file: a dataset's page of the golden publication. UPDATE_GOLDEN=1 rewrites it (review the
// diff, then commit); a missing golden file fails.
const golden = new URL('./__golden__/dataset.html', import.meta.url)

describe('a dataset’s page', () => {
  it('is the golden page for the golden publication', async () => {
    const published = await readPublished(memorySiteEffects(publishedFiles()))
    const dataset = published.datasets[0]!
    const html = renderDatasetMain(published, dataset, catalogueEntry(published, dataset))
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, html)
    if (!existsSync(golden)) throw new Error('missing golden dataset.html: run with UPDATE_GOLDEN=1')
    expect(html).toBe(readFileSync(golden, 'utf8'))
  })

  it('counts each table’s lines with French digit grouping', async () => {
    const published = await readPublished(memorySiteEffects(publishedFiles()))
    const dataset = published.datasets[0]!
    const [first, ...others] = dataset.summary.tables
    const large = {
      ...dataset,
      summary: { ...dataset.summary, tables: [{ ...first!, rows: 2527 }, ...others] },
    }
    const html = renderDatasetMain(published, large, catalogueEntry(published, large))
    expect(html).toContain(`(<code>${first!.name}</code>, 2\u202f527 lignes)`)
  })
})
