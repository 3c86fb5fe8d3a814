import { describe, expect, it } from 'vitest'
import { ENTREES, INSERTION, RELEASE } from './catalog.fixture.ts'
import { buildSchemaOrgDataset } from './schema-org.ts'

const BASE = 'https://passerelle.example/donnees/'
const PASSERELLE = {
  '@type': 'Organization',
  name: 'Passerelle — hub de la formation professionnelle',
  url: BASE,
  contactPoint: { '@type': 'ContactPoint', contactType: 'données', email: 'contact@passerelle.example' },
}

describe('buildSchemaOrgDataset', () => {
  it('describes a dataset page as a schema.org Dataset with its downloads', () => {
    expect(buildSchemaOrgDataset(RELEASE, INSERTION)).toEqual({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      '@id': `${BASE}datasets/insertion/#dataset`,
      name: 'Insertion dans l’emploi après une formation',
      description: INSERTION.description,
      url: `${BASE}datasets/insertion/`,
      identifier: `${BASE}datasets/insertion/#dataset`,
      keywords: ['insertion professionnelle', 'emploi'],
      inLanguage: 'fr',
      license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      isAccessibleForFree: true,
      creator: PASSERELLE,
      publisher: PASSERELLE,
      spatialCoverage: { '@type': 'Country', name: 'France', identifier: 'FR' },
      version: '2026-11-28',
      datePublished: '2026-11-28',
      dateModified: '2026-11-28',
      includedInDataCatalog: {
        '@type': 'DataCatalog',
        name: 'Passerelle — données ouvertes de la formation professionnelle',
        url: BASE,
      },
      distribution: [
        {
          '@type': 'DataDownload',
          name: 'Emploi à 6 mois (CSV)',
          contentUrl: `${BASE}datasets/insertion/emploi_6_mois.csv`,
          encodingFormat: 'text/csv',
        },
      ],
    })
  })

  it('states the period covered as an ISO 8601 interval and the régions beside France', () => {
    const doc = buildSchemaOrgDataset(RELEASE, ENTREES)
    expect([doc.temporalCoverage, doc.spatialCoverage, doc.datePublished]).toEqual([
      '2024-01-01/2026-09-30',
      [
        { '@type': 'Country', name: 'France', identifier: 'FR' },
        { '@type': 'AdministrativeArea', name: 'Auvergne-Rhône-Alpes', identifier: '84' },
      ],
      '2026-05-28',
    ])
    expect((doc.distribution as { encodingFormat: string }[]).map((d) => d.encodingFormat)).toEqual([
      'text/csv',
      'application/vnd.apache.parquet',
      'application/json',
      'application/json',
    ])
  })

  it('has what Google Dataset Search requires: a name and a description of 50 to 5000 characters', () => {
    for (const dataset of RELEASE.datasets) {
      const doc = buildSchemaOrgDataset(RELEASE, dataset)
      expect(doc['@type']).toBe('Dataset')
      expect(typeof doc.name === 'string' && doc.name.length > 0).toBe(true)
      const length = typeof doc.description === 'string' ? doc.description.length : 0
      expect(length >= 50 && length <= 5000, `${dataset.slug}: description of ${length} characters`).toBe(
        true,
      )
    }
  })
})
