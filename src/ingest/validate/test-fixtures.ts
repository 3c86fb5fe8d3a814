/**
 * Test fixtures: the spec's two examples as base records, the code lists, and helpers to derive a
 * record with one mutation. Used by the `*.test.ts` files only.
 */
import { loadCodeLists } from '../../reference/code-lists.ts'
import type { Finding } from '../findings.ts'
import exampleCepJson from '../schema/examples/example-cep.json' with { type: 'json' }
import exampleDossierJson from '../schema/examples/example-dossier.json' with { type: 'json' }
import { validateRecord } from './index.ts'
import { segmentsOf } from './pointer.ts'
import type { ValidationContext } from './types.ts'

export type Json = Record<string, unknown>

/** The hub's date in every test. */
export const today = '2026-11-28'
export const codes = await loadCodeLists()
export const ctx: ValidationContext = { codes, today }

/** A fresh copy of the spec's dossier example (status SORTI, 13-character NIR). */
export function baseDossier(): Json {
  return structuredClone(exampleDossierJson) as Json
}

/** A fresh copy of the spec's CEP example (ended period). */
export function baseCep(): Json {
  return structuredClone(exampleCepJson) as Json
}

/** The parent object or array of `pointer` in `root`, and the last segment. */
function parentOf(root: unknown, pointer: string): [Record<string, unknown>, string] {
  const segments = segmentsOf(pointer)
  const last = segments.pop()
  if (last === undefined) throw new Error('no parent of the root')
  let node = root as Record<string, unknown>
  for (const s of segments) node = node[s] as Record<string, unknown>
  return [node, last]
}

/** A copy of `record` with `value` at `pointer` (created when absent). */
export function withValue(record: Json, pointer: string, value: unknown): Json {
  const copy = structuredClone(record)
  const [parent, key] = parentOf(copy, pointer)
  parent[key] = value
  return copy
}

/** A copy of `record` without the property at `pointer`. */
export function without(record: Json, pointer: string): Json {
  const copy = structuredClone(record)
  const [parent, key] = parentOf(copy, pointer)
  delete parent[key]
  return copy
}

/** Applies several `[pointer, value]` changes (`undefined` removes). */
export function changed(record: Json, changes: readonly (readonly [string, unknown])[]): Json {
  let result = record
  for (const [pointer, value] of changes) {
    result = value === undefined ? without(result, pointer) : withValue(result, pointer, value)
  }
  return result
}

/** The findings of a raw record; `[]` when it is valid. */
export function errorsOf(raw: unknown, context: ValidationContext = ctx): readonly Finding[] {
  const result = validateRecord(raw, context)
  return result.ok ? [] : result.errors
}
