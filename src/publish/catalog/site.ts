/**
 * The input's site-wide settings with their defaults applied, and the IRIs derived from them:
 * every builder reads these, so a default lives in one place.
 * @module
 */
import { checkDay } from './json-ld.ts'
import type { CatalogInput, CatalogPublisher } from './types.ts'

export const DEFAULT_BASE_URL = 'http://localhost:8080/'
export const DEFAULT_CONTACT_EMAIL = 'contact@passerelle.example'
export const DEFAULT_PUBLISHER_NAME = 'Passerelle — hub de la formation professionnelle'
export const DEFAULT_TITLE = 'Passerelle — données ouvertes de la formation professionnelle'
export const DEFAULT_DESCRIPTION =
  'Statistiques protégées sur les entrées et sorties de formation professionnelle, leurs financements, ' +
  'le conseil en évolution professionnelle et l’insertion dans l’emploi des stagiaires, ' +
  'publiées par le hub Passerelle à partir des dossiers transmis par les financeurs.'

export interface Site {
  /** Site root, ending with `/`. */
  readonly base: string
  readonly publisher: CatalogPublisher
  readonly contactEmail: string
  readonly title: string
  readonly description: string
  readonly releaseDate: string
  readonly issued: string
}

/** Applies the defaults of {@link CatalogInput} and checks the site-wide values. */
export function resolveSite(input: CatalogInput): Site {
  const base = normalizeBaseUrl(input.baseUrl ?? DEFAULT_BASE_URL)
  const contactEmail = input.contactEmail ?? DEFAULT_CONTACT_EMAIL
  if (!/^[^\s@]+@[^\s@]+$/.test(contactEmail)) throw new Error(`invalid contact email: ${contactEmail}`)
  return {
    base,
    publisher: {
      name: input.publisher?.name ?? DEFAULT_PUBLISHER_NAME,
      type: input.publisher?.type ?? 'NationalAuthority',
      homepage: input.publisher?.homepage ?? base,
    },
    contactEmail,
    title: input.title ?? DEFAULT_TITLE,
    description: input.description ?? DEFAULT_DESCRIPTION,
    releaseDate: checkDay(input.releaseDate, 'release date'),
    issued: checkDay(input.issued ?? input.releaseDate, 'catalogue issue date'),
  }
}

/** An absolute http(s) URL ending with `/` (added when missing). */
export function normalizeBaseUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null
  if (
    !parsed ||
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    parsed.search ||
    parsed.hash
  )
    throw new Error(`invalid base url: ${url}`)
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`
}

/** The URL of a file or page of the site, from its path from the site root. */
export function siteUrl(site: Site, path: string): string {
  if (path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.split('/').includes('..'))
    throw new Error(`invalid site path: ${path}`)
  return new URL(path, site.base).href
}

export const catalogIri = (site: Site) => `${site.base}catalog.jsonld#catalog`
export const publisherIri = (site: Site) => `${site.base}#publisher`
export const contactIri = (site: Site) => `${site.base}#contact`
export const landingPage = (site: Site, slug: string) => siteUrl(site, `datasets/${slug}/`)
export const datasetIri = (site: Site, slug: string) => `${landingPage(site, slug)}#dataset`
