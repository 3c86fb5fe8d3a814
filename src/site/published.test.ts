import { describe, expect, it } from 'vitest'
import { catalogSitePath } from './published.ts'

const catalog = (id: string) => ({
  '@graph': [
    { '@id': `${id.replace('catalog.jsonld#catalog', '')}datasets/x/#dataset`, '@type': 'dcat:Dataset' },
    { '@id': id, '@type': 'dcat:Catalog' },
  ],
})

describe('catalogSitePath', () => {
  it('is the folder of the catalogue’s IRI: the path the site is served at', () => {
    expect([
      catalogSitePath(catalog('http://localhost:8080/catalog.jsonld#catalog')),
      catalogSitePath(catalog('https://example.org/passerelle/catalog.jsonld#catalog')),
      catalogSitePath(catalog('https://example.org/donn%C3%A9es/v1/catalog.jsonld#catalog')),
    ]).toEqual(['/', '/passerelle/', '/donn%C3%A9es/v1/'])
  })

  it('is / without a catalogue or a catalogue IRI it can read', () => {
    expect([
      catalogSitePath(undefined),
      catalogSitePath({ '@graph': [] }),
      catalogSitePath(catalog('not a url')),
      catalogSitePath(catalog('https://example.org/elsewhere.jsonld#catalog')),
    ]).toEqual(['/', '/', '/', '/'])
  })
})
