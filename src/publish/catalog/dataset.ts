/**
 * One dataset of the release as a `dcat:Dataset`: its description, themes, frequency, coverage,
 * landing page, version and distributions.
 * @module
 */
import { distributionNode } from './distribution.ts'
import { checkDay, date, fr, type JsonLdNode, ref } from './json-ld.ts'
import { contactIri, datasetIri, landingPage, publisherIri, type Site, siteUrl } from './site.ts'
import type { CatalogDataset } from './types.ts'
import { FRANCE, FRENCH, frequencyIri, PUBLIC_ACCESS, regionIri, themeIri } from './vocabulary.ts'

/** The dataset node, its distributions embedded. */
export function datasetNode(dataset: CatalogDataset, site: Site): JsonLdNode {
  if (!/^[a-z0-9-]+$/.test(dataset.slug)) throw new Error(`invalid dataset slug: ${dataset.slug}`)
  const landing = landingPage(site, dataset.slug)
  const iri = datasetIri(site, dataset.slug)
  const { temporal, documentation } = dataset
  if (temporal && temporal.start > temporal.end)
    throw new Error(`invalid coverage of ${dataset.slug}: ${temporal.start}/${temporal.end}`)
  return {
    '@id': iri,
    '@type': 'dcat:Dataset',
    'dct:identifier': iri,
    'dct:title': fr(dataset.title),
    'dct:description': fr(dataset.description),
    'dcat:keyword': dataset.keywords.map(fr),
    'dcat:theme': dataset.themes.map((code) => ref(themeIri(code))),
    'dct:accrualPeriodicity': ref(frequencyIri(dataset.frequency)),
    ...(temporal === undefined
      ? {}
      : {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': date(checkDay(temporal.start, `start of ${dataset.slug}`)),
            'dcat:endDate': date(checkDay(temporal.end, `end of ${dataset.slug}`)),
          },
        }),
    'dct:spatial': [FRANCE.iri, ...(dataset.regions ?? []).map((r) => regionIri(r.code))].map(ref),
    'dct:language': ref(FRENCH),
    'dct:publisher': ref(publisherIri(site)),
    'dcat:contactPoint': ref(contactIri(site)),
    'dct:accessRights': ref(PUBLIC_ACCESS.iri),
    'dcat:landingPage': ref(landing),
    ...(documentation === undefined ? {} : { 'foaf:page': ref(siteUrl(site, documentation.path)) }),
    'dcat:version': dataset.version ?? site.releaseDate,
    'dct:issued': date(checkDay(dataset.issued ?? site.releaseDate, `issue date of ${dataset.slug}`)),
    'dct:modified': date(site.releaseDate),
    'dcat:distribution': dataset.files.map((file) => distributionNode(file, site, landing)),
  }
}
