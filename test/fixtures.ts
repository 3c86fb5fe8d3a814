import { readFileSync } from 'node:fs'
import type { BatchItem } from '../src/ingest/apply-batch.ts'
import { prepareValue } from '../src/ingest/prepare-record.ts'
import { nirKey } from '../src/lib/nir.ts'
import { loadCodeLists } from '../src/reference/code-lists.ts'

const examples = new URL('../src/ingest/schema/examples/', import.meta.url)

/** The spec's example dossier, as raw JSON. */
export function exampleDossier(): Record<string, any> {
  return JSON.parse(readFileSync(new URL('example-dossier.json', examples), 'utf8'))
}

/** The spec's example CEP period, as raw JSON. */
export function exampleCep(): Record<string, any> {
  return JSON.parse(readFileSync(new URL('example-cep.json', examples), 'utf8'))
}

/** A valid 15-character NIR built from 13 characters. */
export function nir15(nir13: string): string {
  return `${nir13}${nirKey(nir13)}`
}

/** A dossier with fields replaced (deep merge on plain objects). */
export function dossier(changes: Record<string, any> = {}): Record<string, any> {
  return merge(exampleDossier(), changes)
}

function merge(base: Record<string, any>, changes: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...base }
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete out[k]
    else if (v && typeof v === 'object' && !Array.isArray(v) && base[k] && typeof base[k] === 'object')
      out[k] = merge(base[k], v)
    else out[k] = v
  }
  return out
}

/** Validates and prepares raw records into batch items, as the API and the importer do. */
export async function items(raws: unknown[], today = '2026-11-28', secret = 's'): Promise<BatchItem[]> {
  const codes = await loadCodeLists()
  return raws.map((raw, index) => ({ index, result: prepareValue(raw, { codes, today }, secret) }))
}
