/**
 * Partner-record validation (spec/README.md): the JSON Schema of the record's type, then, for
 * records that pass it, the rules a schema cannot say. Pure and synchronous; the schemas are
 * compiled once when this module loads.
 *
 * @example
 * const codes = await loadCodeLists()
 * const result = validateRecord(JSON.parse(line), { codes, today: '2026-11-28' })
 * if (result.ok) store(result.valid)
 * else answer(result.id, result.errors) // [{ path: '/training/plannedEnd', code: 'dossier/…', message: '…' }]
 */
import { type Finding, finding } from '../findings.ts'
import type { PartnerRecord } from '../record.ts'
import { contentHash } from './canonical.ts'
import { toUtcInstant } from './dates.ts'
import { describeValue } from './describe.ts'
import type { CepInput, DossierInput } from './input.ts'
import { normaliseCep, normaliseDossier } from './normalise.ts'
import { cepRules, dossierRules } from './rules/index.ts'
import { schemaFindings } from './schema.ts'
import type { Rule, ValidationContext, ValidationResult } from './types.ts'

export { canonicalJson, contentHash } from './canonical.ts'
export { ruleCodes } from './rule-codes.ts'
export type { ValidationContext, ValidationResult } from './types.ts'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The JSON kind of a non-object, for the message: the value itself could be anything, even a NIR. */
function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`
}

function runRules<T>(rules: readonly Rule<T>[], record: T, ctx: ValidationContext): Finding[] {
  const findings: Finding[] = []
  for (const rule of rules) {
    const found = rule(record, ctx)
    if (found.length > 0) findings.push(...found)
  }
  return findings
}

function rejected(type: string | null, id: string | null, errors: readonly Finding[]): ValidationResult {
  return { ok: false, type, id, errors }
}

function unknownType(type: unknown): Finding {
  const message =
    type === undefined
      ? 'type is required (must be "dossier" or "cep")'
      : `type ${describeValue(type)} is not a record type (must be "dossier" or "cep")`
  return finding('/type', 'record/unknown-type', message)
}

/**
 * Validates one raw record (a parsed JSON value) and, when it passes every rule, returns its
 * normalised form with its content hash; otherwise every finding, with the record's `type` and
 * `id` when they can be read (the partner's answer names them).
 *
 * Never throws on any JSON input. Messages never contain a NIR, a name or a date of birth.
 */
export function validateRecord(raw: unknown, ctx: ValidationContext): ValidationResult {
  if (!isObject(raw)) {
    return rejected(null, null, [
      finding('', 'record/not-an-object', `record must be an object (got ${kindOf(raw)})`),
    ])
  }
  const id = typeof raw.id === 'string' ? raw.id : null
  const type = raw.type
  if (type !== 'dossier' && type !== 'cep') {
    return rejected(typeof type === 'string' ? type : null, id, [unknownType(type)])
  }
  const schemaErrors = schemaFindings(type, raw)
  if (schemaErrors.length > 0) return rejected(type, id, schemaErrors)

  const findings =
    type === 'dossier'
      ? runRules(dossierRules, raw as unknown as DossierInput, ctx)
      : runRules(cepRules, raw as unknown as CepInput, ctx)
  const updatedAt = toUtcInstant(raw.updatedAt as string)
  if (updatedAt === null) {
    findings.push(
      finding(
        '/updatedAt',
        'record/format',
        `updatedAt ${describeValue(raw.updatedAt)} is not an RFC 3339 date-time with an offset (e.g. 2024-03-01T10:00:00+01:00 or …Z)`,
      ),
    )
  }
  if (findings.length > 0 || updatedAt === null) return rejected(type, id, findings)

  const record: PartnerRecord =
    type === 'dossier'
      ? normaliseDossier(raw as unknown as DossierInput, updatedAt)
      : normaliseCep(raw as unknown as CepInput, updatedAt)
  return { ok: true, valid: { record, contentHash: contentHash(raw), raw } }
}
