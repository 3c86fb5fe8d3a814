/**
 * The schema.org `Dataset` of a dataset page (embedded as `<script type="application/ld+json">`),
 * the description search engines such as Google Dataset Search read.
 * @module
 */
import { checkDay } from './json-ld.ts'
import { landingPage, resolveSite, type Site, siteUrl } from './site.ts'
import type { CatalogDataset, CatalogInput } from './types.ts'
import { FORMATS, LICENCE } from './vocabulary.ts'

export interface SchemaOrgDataset {
  readonly '@context': 'https://schema.org/'
  readonly '@type': 'Dataset'
  readonly [property: string]: unknown
}

/**
 * The schema.org description of `dataset`, one of `input.datasets`, with the same defaults as the
 * catalogue.
 *
 * @example
 * const jsonLd = buildSchemaOrgDataset(release, release.datasets[0])
 * const tag = `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`
 */
export function buildSchemaOrgDataset(input: CatalogInput, dataset: CatalogDataset): SchemaOrgDataset {
  const site = resolveSite(input)
  const url = landingPage(site, dataset.slug)
  const organization = publisher(site)
  const places = [
    { '@type': 'Country', name: 'France', identifier: 'FR' },
    ...(dataset.regions ?? []).map((r) => ({
      '@type': 'AdministrativeArea',
      name: r.label,
      identifier: r.code,
    })),
  ]
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': `${url}#dataset`,
    name: dataset.title,
    description: dataset.description,
    url,
    identifier: `${url}#dataset`,
    keywords: dataset.keywords,
    inLanguage: 'fr',
    // Google reads the licence as a page URL: Etalab's page rather than the EU authority code.
    license: LICENCE.page,
    isAccessibleForFree: true,
    creator: organization,
    publisher: organization,
    ...(dataset.temporal && {
      temporalCoverage: `${checkDay(dataset.temporal.start, 'coverage start')}/${checkDay(dataset.temporal.end, 'coverage end')}`,
    }),
    spatialCoverage: places.length === 1 ? places[0] : places,
    version: dataset.version ?? site.releaseDate,
    datePublished: checkDay(dataset.issued ?? site.releaseDate, `issue date of ${dataset.slug}`),
    dateModified: site.releaseDate,
    includedInDataCatalog: { '@type': 'DataCatalog', name: site.title, url: site.base },
    distribution: dataset.files.map((file) => ({
      '@type': 'DataDownload',
      name: file.title,
      contentUrl: siteUrl(site, file.path),
      encodingFormat: FORMATS[file.format].mediaType,
    })),
  }
}

function publisher(site: Site) {
  return {
    '@type': 'Organization',
    name: site.publisher.name,
    url: site.publisher.homepage,
    contactPoint: { '@type': 'ContactPoint', contactType: 'données', email: site.contactEmail },
  }
}
