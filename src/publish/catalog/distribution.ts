/**
 * One published file as a `dcat:Distribution`: where to get it, what it is (EU file type, IANA
 * media type, standards), how big it is, its SHA-256 and its licence.
 * @module
 */
import { date, fr, type JsonLdNode, ref } from './json-ld.ts'
import { type Site, siteUrl } from './site.ts'
import type { CatalogFile } from './types.ts'
import { FORMATS, LICENCE, mediaTypeIri, SHA256 } from './vocabulary.ts'

/** The distribution of `file`, named after the dataset's landing page and the file name. */
export function distributionNode(file: CatalogFile, site: Site, landingPage: string): JsonLdNode {
  if (!Number.isSafeInteger(file.byteSize) || file.byteSize < 0)
    throw new Error(`invalid byte size of ${file.path}: ${file.byteSize}`)
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`invalid sha256 of ${file.path}: ${file.sha256}`)
  const url = siteUrl(site, file.path)
  const terms = FORMATS[file.format]
  const standards = [...terms.conformsTo.map((s) => s.iri), ...(file.conformsTo ?? [])]
  const name = file.path.slice(file.path.lastIndexOf('/') + 1)
  return {
    '@id': `${landingPage}#${encodeURIComponent(name)}`,
    '@type': 'dcat:Distribution',
    'dct:title': fr(file.title),
    ...(file.description === undefined ? {} : { 'dct:description': fr(file.description) }),
    // The file is the resource itself: it is both where to access it and what to download.
    'dcat:accessURL': ref(url),
    'dcat:downloadURL': ref(url),
    'dct:format': ref(terms.fileType.iri),
    'dcat:mediaType': ref(mediaTypeIri(terms.mediaType)),
    'dcat:byteSize': { '@value': String(file.byteSize), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': ref(SHA256),
      'spdx:checksumValue': { '@value': file.sha256, '@type': 'xsd:hexBinary' },
    },
    'dct:license': ref(LICENCE.iri),
    ...(standards.length === 0 ? {} : { 'dct:conformsTo': [...new Set(standards)].map(ref) }),
    'dct:modified': date(site.releaseDate),
  }
}
