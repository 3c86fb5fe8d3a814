import type { Finding } from './findings.ts'
import { parseLine, validateRaw } from './parse-line.ts'
import { personKey } from './person-key.ts'
import { personOf, type RecordType, type SharedRef, type ValidRecord } from './record.ts'
import { cepColumns, dossierColumns, identityColumns, strippedPayload } from './rows.ts'
import type { ValidationContext } from './validate/index.ts'

/**
 * A valid record made ready for storage: what the version rules compare (id, version, content
 * hash, person key) and its rows already serialised as JSON. Serialising here, where the record
 * is validated, lets that work run on a worker thread and cross to the writer as plain strings.
 */
export interface PreparedRecord {
  readonly type: RecordType
  readonly id: string
  readonly version: number
  readonly contentHash: string
  readonly personKey: string
  readonly sharedWith: readonly SharedRef[]
  /** `{person_key, record_id, version, content_hash, updated_at, payload}` */
  readonly versionJson: string
  /** The current-state row: the version's key columns, `birth_name_norm` and the analysis columns. */
  readonly currentJson: string
  /** The restricted identity row. */
  readonly identityJson: string
}

/** A record prepared for storage, or why it cannot be stored. */
export type PreparedResult =
  | { readonly ok: true; readonly prepared: PreparedRecord }
  | {
      readonly ok: false
      readonly type: string | null
      readonly id: string | null
      readonly errors: readonly Finding[]
    }

/** Prepares a valid record: person key under the hub's secret, rows as JSON. */
export function prepareRecord(valid: ValidRecord, secret: string): PreparedRecord {
  const r = valid.record
  const person = personOf(r)
  const key = personKey(secret, person.nir13)
  const identity = identityColumns(person, key, r.id)
  const versionKey = {
    personKey: key,
    contentHash: valid.contentHash,
    birthNameNorm: identity.birth_name_norm,
  }
  // Rows are object literals written out in full (rows.ts): spreading into a literal is slow in V8.
  const version = {
    person_key: key,
    record_id: r.id,
    version: r.version,
    content_hash: valid.contentHash,
    updated_at: r.updatedAt,
    payload: strippedPayload(valid),
  }
  return {
    type: r.type,
    id: r.id,
    version: r.version,
    contentHash: valid.contentHash,
    personKey: key,
    sharedWith: r.type === 'dossier' ? r.sharedWith : [],
    versionJson: JSON.stringify(version),
    currentJson: JSON.stringify(
      r.type === 'dossier' ? dossierColumns(r, versionKey) : cepColumns(r, versionKey),
    ),
    identityJson: JSON.stringify(identity),
  }
}

/** Validates and prepares one NDJSON line. */
export function prepareLine(text: string, context: ValidationContext, secret: string): PreparedResult {
  const result = parseLine(text, context)
  return result.ok ? { ok: true, prepared: prepareRecord(result.valid, secret) } : result
}

/** Validates and prepares one parsed value (an element of a JSON array). */
export function prepareValue(raw: unknown, context: ValidationContext, secret: string): PreparedResult {
  const result = validateRaw(raw, context)
  return result.ok ? { ok: true, prepared: prepareRecord(result.valid, secret) } : result
}
