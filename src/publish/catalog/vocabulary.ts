/**
 * The controlled vocabularies the catalogue refers to (EU authority tables, IANA media types, ADMS),
 * with the French labels stated beside each reference: a harvester without the vocabularies loaded
 * still sees what a code means and of which class it is (DCAT-AP's `sh:class` constraints).
 * @module
 */
import type { DataTheme, Frequency } from '../definition/types.ts'
import type { DistributionFormat, PublisherType } from './types.ts'

const AUTHORITY = 'http://publications.europa.eu/resource/authority/'
const IANA = 'https://www.iana.org/assignments/media-types/'

export const DATA_THEME_SCHEME = `${AUTHORITY}data-theme`

export const THEME_LABELS: Readonly<Record<DataTheme, string>> = {
  EDUC: 'Éducation, culture et sport',
  ECON: 'Économie et finances',
  SOCI: 'Population et société',
  GOVE: 'Gouvernement et secteur public',
  REGI: 'Régions et villes',
}

export const FREQUENCY_LABELS: Readonly<Record<Frequency, string>> = {
  MONTHLY: 'mensuel',
  QUARTERLY: 'trimestriel',
  ANNUAL: 'annuel',
}

export const PUBLISHER_TYPE_LABELS: Readonly<Record<PublisherType, string>> = {
  NationalAuthority: 'Autorité nationale',
  RegionalAuthority: 'Autorité régionale',
  LocalAuthority: 'Autorité locale',
  SupraNationalAuthority: 'Autorité supranationale',
  NonProfitOrganisation: 'Organisation à but non lucratif',
  NonGovernmentalOrganisation: 'Organisation non gouvernementale',
  Company: 'Entreprise',
}

export const themeIri = (code: DataTheme) => `${AUTHORITY}data-theme/${code}`
export const frequencyIri = (code: Frequency) => `${AUTHORITY}frequency/${code}`
export const publisherTypeIri = (type: PublisherType) => `http://purl.org/adms/publishertype/${type}`

export const FRANCE = { iri: `${AUTHORITY}country/FRA`, label: 'France' } as const
export const FRENCH = `${AUTHORITY}language/FRA`
export const PUBLIC_ACCESS = { iri: `${AUTHORITY}access-right/PUBLIC`, label: 'Public' } as const

/**
 * Licence Ouverte 2.0 has its own entry in the EU licence authority table (`ETALAB_2_0`, "Etalab
 * open licence v 2.0"): the IRI EU portals recognise; Etalab's page is linked for readers.
 */
export const LICENCE = {
  iri: `${AUTHORITY}licence/ETALAB_2_0`,
  title: 'Licence Ouverte / Open Licence version 2.0',
  page: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const

/**
 * INSEE's code-based région IRIs (the COG codes; INSEE's newer IRIs are opaque identifiers that
 * a publisher cannot derive from the code).
 */
export const regionIri = (code: string) => `http://id.insee.fr/geo/region/${code}`

export interface FormatTerms {
  /** EU file-type authority code and label. */
  readonly fileType: { readonly iri: string; readonly label: string }
  /** IANA media type. */
  readonly mediaType: string
  /** Standards every file of the format follows. */
  readonly conformsTo: readonly Standard[]
}

export interface Standard {
  readonly iri: string
  readonly title: string
}

export const DATA_PACKAGE: Standard = {
  iri: 'https://datapackage.org/standard/data-package/',
  title: 'Data Package (Frictionless Data)',
}

const fileType = (code: string, label: string) => ({ iri: `${AUTHORITY}file-type/${code}`, label })

export const FORMATS: Readonly<Record<DistributionFormat, FormatTerms>> = {
  csv: { fileType: fileType('CSV', 'CSV'), mediaType: 'text/csv', conformsTo: [] },
  parquet: {
    fileType: fileType('PARQUET', 'Parquet'),
    mediaType: 'application/vnd.apache.parquet',
    conformsTo: [],
  },
  json: { fileType: fileType('JSON', 'JSON'), mediaType: 'application/json', conformsTo: [] },
  datapackage: {
    fileType: fileType('JSON', 'JSON'),
    mediaType: 'application/json',
    conformsTo: [DATA_PACKAGE],
  },
}

export const mediaTypeIri = (mediaType: string) => `${IANA}${mediaType}`

export const SHA256 = 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256'
