/**
 * The catalogue's JSON-LD context (prefixes only, inline: the file is read without fetching
 * anything), the offline `jsonld` calls, and the value constructors the node builders share.
 * @module
 */
import jsonld, { type ContextDefinition, type JsonLdDocument, type Options } from 'jsonld'

export const CATALOG_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const

/** A JSON-LD node object, in the prefixes of {@link CATALOG_CONTEXT}. */
export type JsonLdNode = { readonly '@id'?: string; readonly '@type'?: string | readonly string[] } & {
  readonly [key: string]: unknown
}

/**
 * Every context is inline, so any request for a remote document is a bug (or a hostile input):
 * refuse it rather than reach the network.
 */
export async function offlineDocumentLoader(url: string): Promise<never> {
  throw new Error(`remote json-ld document refused: ${url}`)
}

/**
 * `doc` compacted with `context`, offline and in safe mode: a key or value the context cannot turn
 * into RDF makes it throw instead of silently vanishing.
 */
export async function compactOffline(doc: object, context: object): Promise<Record<string, unknown>> {
  // The typings of `jsonld` do not know `safe`.
  const options = { documentLoader: offlineDocumentLoader, safe: true } as Options.Compact
  return jsonld.compact(doc as JsonLdDocument, context as ContextDefinition, options)
}

/** `doc` as N-Quads, offline and in safe mode. */
export async function toNQuadsOffline(doc: object): Promise<string> {
  const options = { format: 'application/n-quads', documentLoader: offlineDocumentLoader, safe: true }
  return (await jsonld.toRDF(doc as JsonLdDocument, options as Options.ToRdf)) as string
}

/** French text. */
export const fr = (text: string) => ({ '@value': text, '@language': 'fr' })
/** An `xsd:date`. */
export const date = (day: string) => ({ '@value': day, '@type': 'xsd:date' })
export const ref = (iri: string) => ({ '@id': iri })

/** Checks a YYYY-MM-DD calendar date of the input (a bad one is a pipeline bug: it throws). */
export function checkDay(day: string, what: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null
  // A date that does not exist (2025-02-30) parses but comes back as another day.
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day)
    throw new Error(`invalid ${what}: ${day}`)
  return day
}
