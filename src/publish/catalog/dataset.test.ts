import { describe, expect, it } from 'vitest'
import { INSERTION } from './catalog.fixture.ts'
import { datasetNode } from './dataset.ts'
import { resolveSite } from './site.ts'

const site = resolveSite({ baseUrl: 'https://passerelle.example/', releaseDate: '2026-11-28', datasets: [] })
const AUTHORITY = 'http://publications.europa.eu/resource/authority/'

describe('datasetNode', () => {
  it('describes a dataset, dated and versioned by the release when it states neither', () => {
    const { 'dcat:distribution': distributions, ...node } = datasetNode({ ...INSERTION, files: [] }, site)
    expect(distributions).toEqual([])
    expect(node).toEqual({
      '@id': 'https://passerelle.example/datasets/insertion/#dataset',
      '@type': 'dcat:Dataset',
      'dct:identifier': 'https://passerelle.example/datasets/insertion/#dataset',
      'dct:title': { '@value': 'Insertion dans l’emploi après une formation', '@language': 'fr' },
      'dct:description': { '@value': INSERTION.description, '@language': 'fr' },
      'dcat:keyword': [
        { '@value': 'insertion professionnelle', '@language': 'fr' },
        { '@value': 'emploi', '@language': 'fr' },
      ],
      'dcat:theme': [{ '@id': `${AUTHORITY}data-theme/SOCI` }],
      'dct:accrualPeriodicity': { '@id': `${AUTHORITY}frequency/ANNUAL` },
      'dct:spatial': [{ '@id': `${AUTHORITY}country/FRA` }],
      'dct:language': { '@id': `${AUTHORITY}language/FRA` },
      'dct:publisher': { '@id': 'https://passerelle.example/#publisher' },
      'dcat:contactPoint': { '@id': 'https://passerelle.example/#contact' },
      'dct:accessRights': { '@id': `${AUTHORITY}access-right/PUBLIC` },
      'dcat:landingPage': { '@id': 'https://passerelle.example/datasets/insertion/' },
      'dcat:version': '2026-11-28',
      'dct:issued': { '@value': '2026-11-28', '@type': 'xsd:date' },
      'dct:modified': { '@value': '2026-11-28', '@type': 'xsd:date' },
    })
  })

  it('states the period covered, France and the régions covered, and the documentation page', () => {
    const node = datasetNode(
      {
        ...INSERTION,
        temporal: { start: '2024-01-01', end: '2025-12-31' },
        regions: [{ code: '53', label: 'Bretagne' }],
        documentation: { path: 'datasets/insertion/README.md' },
      },
      site,
    )
    expect([node['dct:temporal'], node['dct:spatial'], node['foaf:page']]).toEqual([
      {
        '@type': 'dct:PeriodOfTime',
        'dcat:startDate': { '@value': '2024-01-01', '@type': 'xsd:date' },
        'dcat:endDate': { '@value': '2025-12-31', '@type': 'xsd:date' },
      },
      [{ '@id': `${AUTHORITY}country/FRA` }, { '@id': 'http://id.insee.fr/geo/region/53' }],
      { '@id': 'https://passerelle.example/datasets/insertion/README.md' },
    ])
  })

  it('refuses a slug that is not a folder name and a period that ends before it starts', () => {
    expect(() => datasetNode({ ...INSERTION, slug: 'Insertion/2' }, site)).toThrow(
      'invalid dataset slug: Insertion/2',
    )
    expect(() =>
      datasetNode({ ...INSERTION, temporal: { start: '2025-01-01', end: '2024-12-31' } }, site),
    ).toThrow('invalid coverage of insertion: 2025-01-01/2024-12-31')
    expect(() =>
      datasetNode({ ...INSERTION, temporal: { start: '2025-02-30', end: '2025-12-31' } }, site),
    ).toThrow('invalid start of insertion: 2025-02-30')
  })
})
