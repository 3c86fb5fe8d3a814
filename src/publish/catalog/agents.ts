/**
 * The publisher (`foaf:Agent`) and the contact point (`vcard:Kind`) shared by the catalogue and
 * every dataset. Each node states its DCAT-AP class as well as the precise one: SHACL checks the
 * class without RDFS inference.
 * @module
 */
import { fr, type JsonLdNode, ref } from './json-ld.ts'
import { contactIri, publisherIri, type Site } from './site.ts'
import { PUBLISHER_TYPE_LABELS, publisherTypeIri } from './vocabulary.ts'

/** The publisher node and its type concept. */
export function publisherNodes(site: Site): JsonLdNode[] {
  const { name, type, homepage } = site.publisher
  return [
    {
      '@id': publisherIri(site),
      '@type': ['foaf:Agent', 'foaf:Organization'],
      'foaf:name': fr(name),
      'dct:type': ref(publisherTypeIri(type)),
      'foaf:homepage': ref(homepage),
    },
    {
      '@id': publisherTypeIri(type),
      '@type': 'skos:Concept',
      'skos:prefLabel': fr(PUBLISHER_TYPE_LABELS[type]),
      'skos:inScheme': ref('http://purl.org/adms/publishertype/1.0'),
    },
  ]
}

/** The contact point: the publisher's mailbox. */
export function contactNode(site: Site): JsonLdNode {
  return {
    '@id': contactIri(site),
    '@type': ['vcard:Kind', 'vcard:Organization'],
    'vcard:fn': fr(site.publisher.name),
    'vcard:hasEmail': ref(`mailto:${site.contactEmail}`),
  }
}
