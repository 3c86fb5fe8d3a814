/**
 * What the catalogue step is given: the site, its publisher and, for each dataset of the release,
 * its definition fields plus the files the release wrote (sizes and checksums already computed).
 * @module
 */
import type { DatasetDefinition } from '../definition/types.ts'

/** File formats published as DCAT distributions. */
export type DistributionFormat = 'csv' | 'parquet' | 'json' | 'datapackage'

/** ADMS publisher types (http://purl.org/adms/publishertype/…). */
export type PublisherType =
  | 'NationalAuthority'
  | 'RegionalAuthority'
  | 'LocalAuthority'
  | 'SupraNationalAuthority'
  | 'NonProfitOrganisation'
  | 'NonGovernmentalOrganisation'
  | 'Company'

export interface CatalogPublisher {
  readonly name: string
  readonly type: PublisherType
  /** Absolute URL of the publisher's home page. */
  readonly homepage: string
}

/** One published file. */
export interface CatalogFile {
  /** Path from the site root, e.g. `datasets/entrees/entrees_region.csv`. */
  readonly path: string
  readonly format: DistributionFormat
  readonly title: string
  readonly description?: string
  /** Size in bytes. */
  readonly byteSize: number
  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  readonly sha256: string
  /** IRIs of the standards the file follows; `datapackage` files always follow Data Package. */
  readonly conformsTo?: readonly string[]
}

/** A région covered by a dataset (INSEE code, e.g. `84`). */
export interface CatalogRegion {
  readonly code: string
  readonly label: string
}

/** A dataset of the release: the fields of its definition plus what the release knows. */
export interface CatalogDataset
  extends Pick<DatasetDefinition, 'slug' | 'title' | 'description' | 'keywords' | 'themes' | 'frequency'> {
  /** Dates (YYYY-MM-DD) of the first and last day the data cover. */
  readonly temporal?: { readonly start: string; readonly end: string }
  /** Régions covered, beside France (always stated). */
  readonly regions?: readonly CatalogRegion[]
  /** Default: the release date. */
  readonly version?: string
  /** Date (YYYY-MM-DD) of the dataset's first publication. Default: the release date. */
  readonly issued?: string
  readonly files: readonly CatalogFile[]
  /** The documentation page (`foaf:page`), path from the site root. */
  readonly documentation?: { readonly path: string; readonly title?: string }
}

export interface CatalogInput {
  /** Site root; default `http://localhost:8080/`. */
  readonly baseUrl?: string
  /** Default: Passerelle, a national authority, whose home page is the site root. */
  readonly publisher?: Partial<CatalogPublisher>
  /** Default `contact@passerelle.example`. */
  readonly contactEmail?: string
  readonly title?: string
  readonly description?: string
  /** Date (YYYY-MM-DD) of this release: `dct:modified` of the catalogue, datasets and files. */
  readonly releaseDate: string
  /** Date (YYYY-MM-DD) of the catalogue's first publication. Default: the release date. */
  readonly issued?: string
  readonly datasets: readonly CatalogDataset[]
}
