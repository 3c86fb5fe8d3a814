import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { memorySiteEffects } from '../effects.ts'
import { catalogueEntry } from '../facets.ts'
import { renderPage } from '../layout.ts'
import { readPublished } from '../published.ts'
import { publishedFiles } from '../site.fixture.ts'
import { catalogueIndex, renderCatalogueMain } from './catalogue.ts'

// Golden file: the whole catalogue page of the golden publication. UPDATE_GOLDEN=1 rewrites it
// (review the diff, then commit); a missing golden file fails.
const golden = new URL('./__golden__/catalogue.html', import.meta.url)

describe('the catalogue page', () => {
  it('is the golden page for the golden publication', async () => {
    const published = await readPublished(memorySiteEffects(publishedFiles()))
    const entries = published.datasets.map((d) => catalogueEntry(published, d))
    const html = renderPage({
      title: 'Catalogue des jeux de données',
      root: '../',
      path: 'catalogue/index.html',
      main: renderCatalogueMain(entries),
      scripts: ['assets/catalogue.js'],
    })
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, html)
    if (!existsSync(golden)) throw new Error('missing golden catalogue.html: run with UPDATE_GOLDEN=1')
    expect(html).toBe(readFileSync(golden, 'utf8'))
    expect(JSON.parse(catalogueIndex(entries)).datasets).toEqual([
      {
        slug: 'entrees-essai',
        title: 'Entrées (essai)',
        description: published.datasets[0]?.datapackage.description,
        keywords: ['formation professionnelle'],
        themes: ['EDUC'],
        levels: ['national', 'region'],
        years: ['2021', '2022', '2023', '2024', '2025', '2026'],
        tables: ['Entrées par année et région', 'Entrées par année et dispositif'],
        columns: [
          'Période',
          'Territoire de résidence',
          'Entrées',
          'Personnes',
          'Heures prévues',
          'Durée moyenne prévue',
          'Dispositif',
        ],
        places: REGIONS,
      },
      expect.objectContaining({
        slug: 'financements-essai',
        themes: ['ECON'],
        levels: ['national'],
        places: [],
      }),
      expect.objectContaining({
        slug: 'insertion-essai',
        themes: ['EDUC', 'ECON'],
        levels: ['national', 'region'],
        places: REGIONS,
      }),
    ])
  })
})

// The régions of the golden publication's territoire hierarchy, in its order.
const REGIONS = [
  'Guadeloupe',
  'Martinique',
  'Guyane',
  'La Réunion',
  'Mayotte',
  'Île-de-France',
  'Centre-Val de Loire',
  'Bourgogne-Franche-Comté',
  'Normandie',
  'Hauts-de-France',
  'Grand Est',
  'Pays de la Loire',
  'Bretagne',
  'Nouvelle-Aquitaine',
  'Occitanie',
  'Auvergne-Rhône-Alpes',
  "Provence-Alpes-Côte d'Azur",
  'Corse',
]
