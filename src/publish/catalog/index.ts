/**
 * Step 7 of `passerelle publish`: the DCAT-AP 3.0.1 catalogue (`DIR/catalog.jsonld`) and the
 * schema.org `Dataset` of each dataset page. Pure: the caller writes the files.
 * @module
 */
export { buildCatalog, type CatalogDocument } from './build-catalog.ts'
export { CATALOG_CONTEXT, offlineDocumentLoader } from './json-ld.ts'
export { buildSchemaOrgDataset, type SchemaOrgDataset } from './schema-org.ts'
export { DEFAULT_BASE_URL, DEFAULT_CONTACT_EMAIL, DEFAULT_PUBLISHER_NAME } from './site.ts'
export type {
  CatalogDataset,
  CatalogFile,
  CatalogInput,
  CatalogPublisher,
  CatalogRegion,
  DistributionFormat,
  PublisherType,
} from './types.ts'
