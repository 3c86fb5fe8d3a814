import { describe, expect, it } from 'vitest'
import { CATALOG_CONTEXT, checkDay, compactOffline, toNQuadsOffline } from './json-ld.ts'

describe('compactOffline and toNQuadsOffline', () => {
  it('refuse a key the context cannot turn into RDF instead of dropping it', async () => {
    const doc = {
      '@context': CATALOG_CONTEXT,
      '@id': 'https://example.org/d',
      'dct:title': 'ok',
      title: 'lost',
    }
    await expect(compactOffline(doc, CATALOG_CONTEXT)).rejects.toThrow('Safe mode validation error.')
    await expect(toNQuadsOffline(doc)).rejects.toThrow('Safe mode validation error.')
  })

  it('write typed and language-tagged values as RDF literals', async () => {
    const doc = {
      '@context': CATALOG_CONTEXT,
      '@id': 'https://example.org/d',
      'dct:title': { '@value': 'Entrées', '@language': 'fr' },
      'dcat:byteSize': { '@value': '12', '@type': 'xsd:nonNegativeInteger' },
    }
    expect((await toNQuadsOffline(doc)).split('\n')).toEqual([
      '<https://example.org/d> <http://purl.org/dc/terms/title> "Entrées"@fr .',
      '<https://example.org/d> <http://www.w3.org/ns/dcat#byteSize> "12"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .',
      '',
    ])
  })
})

describe('checkDay', () => {
  it('accepts calendar days only', () => {
    expect(checkDay('2024-02-29', 'day')).toBe('2024-02-29')
    for (const day of ['2025-02-29', '2025-00-10', '2025-1-10', '2025-01-10T00:00'])
      expect(() => checkDay(day, 'day')).toThrow(`invalid day: ${day}`)
  })
})
