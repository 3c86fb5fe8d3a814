import { describe, expect, it } from 'vitest'
import { normalizeBaseUrl, resolveSite, siteUrl } from './site.ts'

describe('resolveSite', () => {
  it('applies the defaults: local site, Passerelle as a national authority, its contact mailbox', () => {
    const site = resolveSite({ releaseDate: '2026-11-28', datasets: [] })
    expect({ ...site, title: undefined, description: undefined }).toEqual({
      base: 'http://localhost:8080/',
      publisher: {
        name: 'Passerelle — hub de la formation professionnelle',
        type: 'NationalAuthority',
        homepage: 'http://localhost:8080/',
      },
      contactEmail: 'contact@passerelle.example',
      title: undefined,
      description: undefined,
      releaseDate: '2026-11-28',
      issued: '2026-11-28',
    })
  })

  it('keeps what the input configures', () => {
    const site = resolveSite({
      baseUrl: 'https://data.example.org/passerelle',
      publisher: { homepage: 'https://example.org/' },
      contactEmail: 'opendata@example.org',
      releaseDate: '2026-11-28',
      issued: '2026-01-15',
      datasets: [],
    })
    expect([site.base, site.publisher.homepage, site.publisher.name, site.contactEmail, site.issued]).toEqual(
      [
        'https://data.example.org/passerelle/',
        'https://example.org/',
        'Passerelle — hub de la formation professionnelle',
        'opendata@example.org',
        '2026-01-15',
      ],
    )
  })

  it('refuses a release date that is not a calendar day and a contact that is not an address', () => {
    expect(() => resolveSite({ releaseDate: '2026-13-01', datasets: [] })).toThrow(
      'invalid release date: 2026-13-01',
    )
    expect(() => resolveSite({ releaseDate: '28/11/2026', datasets: [] })).toThrow(
      'invalid release date: 28/11/2026',
    )
    expect(() => resolveSite({ contactEmail: 'contact', releaseDate: '2026-11-28', datasets: [] })).toThrow(
      'invalid contact email: contact',
    )
  })
})

describe('normalizeBaseUrl and siteUrl', () => {
  it('end the base with a slash and accept only http(s)', () => {
    expect(normalizeBaseUrl('https://example.org/a')).toBe('https://example.org/a/')
    expect(normalizeBaseUrl('http://localhost:8080')).toBe('http://localhost:8080/')
    expect(() => normalizeBaseUrl('ftp://example.org/')).toThrow('invalid base url: ftp://example.org/')
    expect(() => normalizeBaseUrl('example.org')).toThrow('invalid base url: example.org')
  })

  it('resolve paths inside the site only', () => {
    const site = resolveSite({ baseUrl: 'https://example.org/a/', releaseDate: '2026-11-28', datasets: [] })
    expect(siteUrl(site, 'datasets/x/t.csv')).toBe('https://example.org/a/datasets/x/t.csv')
    for (const path of ['/etc/passwd', '../b/t.csv', 'https://other.example/t.csv'])
      expect(() => siteUrl(site, path)).toThrow(`invalid site path: ${path}`)
  })
})
