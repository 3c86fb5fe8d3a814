import { describe, expect, it } from 'vitest'
import { distributionNode } from './distribution.ts'
import { resolveSite } from './site.ts'

const site = resolveSite({ baseUrl: 'https://passerelle.example/', releaseDate: '2026-11-28', datasets: [] })
const landing = 'https://passerelle.example/datasets/entrees/'
const file = {
  path: 'datasets/entrees/datapackage.json',
  format: 'datapackage',
  title: 'Description Data Package',
  byteSize: 3002,
  sha256: '0123456789abcdef'.repeat(4),
  conformsTo: ['https://www.rfc-editor.org/rfc/rfc8259'],
} as const

describe('distributionNode', () => {
  it('describes a file: URLs, EU file type, IANA media type, size, SHA-256, licence, standards', () => {
    expect(distributionNode(file, site, landing)).toEqual({
      '@id': 'https://passerelle.example/datasets/entrees/#datapackage.json',
      '@type': 'dcat:Distribution',
      'dct:title': { '@value': 'Description Data Package', '@language': 'fr' },
      'dcat:accessURL': { '@id': 'https://passerelle.example/datasets/entrees/datapackage.json' },
      'dcat:downloadURL': { '@id': 'https://passerelle.example/datasets/entrees/datapackage.json' },
      'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/JSON' },
      'dcat:mediaType': { '@id': 'https://www.iana.org/assignments/media-types/application/json' },
      'dcat:byteSize': { '@value': '3002', '@type': 'xsd:nonNegativeInteger' },
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': '0123456789abcdef'.repeat(4), '@type': 'xsd:hexBinary' },
      },
      'dct:license': { '@id': 'http://publications.europa.eu/resource/authority/licence/ETALAB_2_0' },
      'dct:conformsTo': [
        { '@id': 'https://datapackage.org/standard/data-package/' },
        { '@id': 'https://www.rfc-editor.org/rfc/rfc8259' },
      ],
      'dct:modified': { '@value': '2026-11-28', '@type': 'xsd:date' },
    })
  })

  it('gives Parquet files the EU PARQUET file type and the IANA Parquet media type', () => {
    const node = distributionNode({ ...file, format: 'parquet', conformsTo: [] }, site, landing)
    expect([node['dct:format'], node['dcat:mediaType'], node['dct:conformsTo']]).toEqual([
      { '@id': 'http://publications.europa.eu/resource/authority/file-type/PARQUET' },
      { '@id': 'https://www.iana.org/assignments/media-types/application/vnd.apache.parquet' },
      undefined,
    ])
  })

  it('refuses a checksum that is not a lowercase SHA-256 and a size that is not a byte count', () => {
    expect(() => distributionNode({ ...file, sha256: 'ABC' }, site, landing)).toThrow(
      'invalid sha256 of datasets/entrees/datapackage.json: ABC',
    )
    expect(() => distributionNode({ ...file, byteSize: -1 }, site, landing)).toThrow(
      'invalid byte size of datasets/entrees/datapackage.json: -1',
    )
    expect(() => distributionNode({ ...file, byteSize: 1.5 }, site, landing)).toThrow('invalid byte size')
  })
})
