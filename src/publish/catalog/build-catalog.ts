/**
 * The DCAT-AP 3.0.1 catalogue of a release, `DIR/catalog.jsonld`.
 * @module
 */
import { contactNode, publisherNodes } from './agents.ts'
import { datasetNode } from './dataset.ts'
import { CATALOG_CONTEXT, compactOffline, date, fr, type JsonLdNode, ref } from './json-ld.ts'
import { catalogIri, datasetIri, publisherIri, resolveSite, type Site } from './site.ts'
import { termNodes } from './terms.ts'
import type { CatalogInput } from './types.ts'
import { DATA_THEME_SCHEME, FRENCH, LICENCE } from './vocabulary.ts'

/** The JSON-LD document: the inline context and the graph (catalogue first, then datasets, agents, terms). */
export interface CatalogDocument {
  readonly '@context': typeof CATALOG_CONTEXT
  readonly '@graph': readonly JsonLdNode[]
}

/**
 * Builds the catalogue and passes it through the JSON-LD processor in safe mode, offline: a key or
 * value the context cannot turn into RDF makes it throw instead of silently vanishing.
 * Throws on an invalid input (date, slug, checksum, size, URL): the pipeline produced it wrongly.
 *
 * @example
 * const doc = await buildCatalog({ releaseDate: '2026-11-28', datasets: [entrees] })
 * await writeFile(join(dir, 'catalog.jsonld'), `${JSON.stringify(doc, null, 2)}\n`)
 */
export async function buildCatalog(input: CatalogInput): Promise<CatalogDocument> {
  const site = resolveSite(input)
  const slugs = input.datasets.map((d) => d.slug)
  const twice = slugs.find((slug, i) => slugs.indexOf(slug) !== i)
  if (twice !== undefined) throw new Error(`dataset listed twice: ${twice}`)
  const graph = [
    catalogNode(site, slugs),
    ...input.datasets.map((d) => datasetNode(d, site)),
    ...publisherNodes(site),
    contactNode(site),
    ...termNodes(input.datasets, site),
  ]
  const compacted = await compactOffline({ '@context': CATALOG_CONTEXT, '@graph': graph }, CATALOG_CONTEXT)
  return compacted as unknown as CatalogDocument
}

function catalogNode(site: Site, slugs: readonly string[]): JsonLdNode {
  return {
    '@id': catalogIri(site),
    '@type': 'dcat:Catalog',
    'dct:title': fr(site.title),
    'dct:description': fr(site.description),
    'dct:publisher': ref(publisherIri(site)),
    'foaf:homepage': ref(site.base),
    'dct:language': ref(FRENCH),
    'dct:license': ref(LICENCE.iri),
    'dcat:themeTaxonomy': ref(DATA_THEME_SCHEME),
    'dct:issued': date(site.issued),
    'dct:modified': date(site.releaseDate),
    'dcat:dataset': slugs.map((slug) => ref(datasetIri(site, slug))),
  }
}
