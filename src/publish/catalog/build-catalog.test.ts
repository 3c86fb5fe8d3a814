import jsonld from 'jsonld'
import { describe, expect, it } from 'vitest'
import { buildCatalog } from './build-catalog.ts'
import { ENTREES, RELEASE } from './catalog.fixture.ts'
import { CATALOG_CONTEXT, compactOffline, offlineDocumentLoader } from './json-ld.ts'

const BASE = 'https://passerelle.example/donnees/'
const AUTHORITY = 'http://publications.europa.eu/resource/authority/'

describe('buildCatalog', () => {
  it('holds the catalogue, its datasets, the agents and each referenced term once, in a stable order', async () => {
    const doc = await buildCatalog(RELEASE)
    expect(doc['@context']).toEqual(CATALOG_CONTEXT)
    expect(doc['@graph'].map((node) => [node['@id'], node['@type']])).toEqual([
      [`${BASE}catalog.jsonld#catalog`, 'dcat:Catalog'],
      [`${BASE}datasets/entrees/#dataset`, 'dcat:Dataset'],
      [`${BASE}datasets/insertion/#dataset`, 'dcat:Dataset'],
      [`${BASE}#publisher`, ['foaf:Agent', 'foaf:Organization']],
      ['http://purl.org/adms/publishertype/NationalAuthority', 'skos:Concept'],
      [`${BASE}#contact`, ['vcard:Kind', 'vcard:Organization']],
      [BASE, 'foaf:Document'],
      [`${BASE}datasets/entrees/`, 'foaf:Document'],
      [`${BASE}datasets/entrees/README.md`, 'foaf:Document'],
      [`${BASE}datasets/insertion/`, 'foaf:Document'],
      [`${AUTHORITY}licence/ETALAB_2_0`, 'dct:LicenseDocument'],
      [`${AUTHORITY}language/FRA`, 'dct:LinguisticSystem'],
      [`${AUTHORITY}access-right/PUBLIC`, 'dct:RightsStatement'],
      [`${AUTHORITY}data-theme`, 'skos:ConceptScheme'],
      [`${AUTHORITY}country/FRA`, 'dct:Location'],
      [`${AUTHORITY}data-theme/EDUC`, 'skos:Concept'],
      [`${AUTHORITY}data-theme/ECON`, 'skos:Concept'],
      [`${AUTHORITY}frequency/QUARTERLY`, ['dct:Frequency', 'skos:Concept']],
      ['http://id.insee.fr/geo/region/84', 'dct:Location'],
      [`${AUTHORITY}data-theme/SOCI`, 'skos:Concept'],
      [`${AUTHORITY}frequency/ANNUAL`, ['dct:Frequency', 'skos:Concept']],
      [`${AUTHORITY}file-type/CSV`, 'dct:MediaTypeOrExtent'],
      ['https://www.iana.org/assignments/media-types/text/csv', 'dct:MediaType'],
      [`${AUTHORITY}file-type/PARQUET`, 'dct:MediaTypeOrExtent'],
      ['https://www.iana.org/assignments/media-types/application/vnd.apache.parquet', 'dct:MediaType'],
      [`${AUTHORITY}file-type/JSON`, 'dct:MediaTypeOrExtent'],
      ['https://www.iana.org/assignments/media-types/application/json', 'dct:MediaType'],
      ['https://datapackage.org/standard/data-package/', 'dct:Standard'],
      ['https://www.rfc-editor.org/rfc/rfc4180', 'dct:Standard'],
      ['spdx:checksumAlgorithm_sha256', 'spdx:ChecksumAlgorithm'],
    ])
  })

  it('describes the catalogue: title, publisher, home page, language, licence, themes, dates, datasets', async () => {
    const [catalog] = (await buildCatalog(RELEASE))['@graph']
    expect(catalog).toEqual({
      '@id': `${BASE}catalog.jsonld#catalog`,
      '@type': 'dcat:Catalog',
      'dct:title': {
        '@language': 'fr',
        '@value': 'Passerelle — données ouvertes de la formation professionnelle',
      },
      'dct:description': { '@language': 'fr', '@value': expect.stringContaining('Statistiques protégées') },
      'dct:publisher': { '@id': `${BASE}#publisher` },
      'foaf:homepage': { '@id': BASE },
      'dct:language': { '@id': `${AUTHORITY}language/FRA` },
      'dct:license': { '@id': `${AUTHORITY}licence/ETALAB_2_0` },
      'dcat:themeTaxonomy': { '@id': `${AUTHORITY}data-theme` },
      'dct:issued': { '@type': 'xsd:date', '@value': '2026-05-28' },
      'dct:modified': { '@type': 'xsd:date', '@value': '2026-11-28' },
      'dcat:dataset': [
        { '@id': `${BASE}datasets/entrees/#dataset` },
        { '@id': `${BASE}datasets/insertion/#dataset` },
      ],
    })
  })

  it('is in compacted form already: compacting it again changes nothing', async () => {
    const doc = await buildCatalog(RELEASE)
    expect(await compactOffline(doc, CATALOG_CONTEXT)).toEqual(doc)
  })

  it('refuses a dataset listed twice', async () => {
    await expect(buildCatalog({ releaseDate: '2026-11-28', datasets: [ENTREES, ENTREES] })).rejects.toThrow(
      'dataset listed twice: entrees',
    )
  })
})

describe('offlineDocumentLoader', () => {
  it('keeps the JSON-LD processor off the network', async () => {
    const remote = { '@context': 'https://schema.org/', '@type': 'Dataset', name: 'x' }
    const options = { documentLoader: offlineDocumentLoader } as jsonld.Options.Expand
    const error = await jsonld.expand(remote, options).then(
      () => null,
      (e: { details: { cause: Error } }) => e,
    )
    // jsonld wraps the loader's error: its cause is the refusal, so nothing was fetched.
    expect(error?.details.cause.message).toBe('remote json-ld document refused: https://schema.org/')
  })
})
