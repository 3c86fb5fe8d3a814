/**
 * The descriptions of the vocabulary terms and pages the catalogue refers to, each stated once:
 * its DCAT-AP class and a label. Only the terms the input uses are described.
 * @module
 */
import { fr, type JsonLdNode, ref } from './json-ld.ts'
import { landingPage, type Site, siteUrl } from './site.ts'
import type { CatalogDataset } from './types.ts'
import {
  DATA_THEME_SCHEME,
  FORMATS,
  FRANCE,
  FRENCH,
  FREQUENCY_LABELS,
  frequencyIri,
  LICENCE,
  mediaTypeIri,
  PUBLIC_ACCESS,
  regionIri,
  SHA256,
  THEME_LABELS,
  themeIri,
} from './vocabulary.ts'

/** Term nodes in a stable order: site pages, then vocabularies, each in order of first use. */
export function termNodes(datasets: readonly CatalogDataset[], site: Site): JsonLdNode[] {
  const nodes = new Map<string, JsonLdNode>()
  const add = (node: JsonLdNode & { '@id': string }) => {
    if (!nodes.has(node['@id'])) nodes.set(node['@id'], node)
  }
  const document = (url: string, title?: string) =>
    add({ '@id': url, '@type': 'foaf:Document', ...(title === undefined ? {} : { 'dct:title': fr(title) }) })

  document(site.base, site.title)
  document(site.publisher.homepage)
  for (const d of datasets) {
    document(landingPage(site, d.slug), d.title)
    if (d.documentation)
      document(siteUrl(site, d.documentation.path), d.documentation.title ?? 'Documentation')
  }
  add({
    '@id': LICENCE.iri,
    '@type': 'dct:LicenseDocument',
    'dct:title': fr(LICENCE.title),
    'rdfs:seeAlso': ref(LICENCE.page),
  })
  add({ '@id': FRENCH, '@type': 'dct:LinguisticSystem', 'skos:prefLabel': fr('français') })
  add({ '@id': PUBLIC_ACCESS.iri, '@type': 'dct:RightsStatement', 'skos:prefLabel': fr(PUBLIC_ACCESS.label) })
  add({ '@id': DATA_THEME_SCHEME, '@type': 'skos:ConceptScheme', 'dct:title': fr('Thèmes des données') })
  add(location(FRANCE.iri, FRANCE.label))
  for (const d of datasets) {
    for (const code of d.themes) add(concept(themeIri(code), THEME_LABELS[code], DATA_THEME_SCHEME))
    add({
      ...concept(frequencyIri(d.frequency), FREQUENCY_LABELS[d.frequency]),
      '@type': ['dct:Frequency', 'skos:Concept'],
    })
    for (const r of d.regions ?? []) add(location(regionIri(r.code), r.label))
  }
  for (const d of datasets) {
    for (const file of d.files) {
      const { fileType, mediaType, conformsTo } = FORMATS[file.format]
      add({ '@id': fileType.iri, '@type': 'dct:MediaTypeOrExtent', 'rdfs:label': fileType.label })
      add({ '@id': mediaTypeIri(mediaType), '@type': 'dct:MediaType', 'rdfs:label': mediaType })
      for (const s of conformsTo) add({ '@id': s.iri, '@type': 'dct:Standard', 'dct:title': s.title })
      for (const iri of file.conformsTo ?? []) add({ '@id': iri, '@type': 'dct:Standard' })
    }
  }
  add({ '@id': SHA256, '@type': 'spdx:ChecksumAlgorithm', 'rdfs:label': 'SHA-256' })
  return [...nodes.values()]
}

const concept = (iri: string, label: string, scheme?: string): JsonLdNode & { '@id': string } => ({
  '@id': iri,
  '@type': 'skos:Concept',
  'skos:prefLabel': fr(label),
  ...(scheme === undefined ? {} : { 'skos:inScheme': ref(scheme) }),
})

const location = (iri: string, label: string) => ({
  '@id': iri,
  '@type': 'dct:Location',
  'skos:prefLabel': fr(label),
})
