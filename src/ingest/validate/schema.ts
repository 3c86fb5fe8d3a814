import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import type { Finding } from '../findings.ts'
import cepSchema from '../schema/cep.schema.json' with { type: 'json' }
import dossierSchema from '../schema/dossier.schema.json' with { type: 'json' }
import { findingOfSchemaError } from './schema-messages.ts'
import { none } from './types.ts'

/**
 * The v1 JSON Schemas, compiled once at module load: compiling costs milliseconds, validating a
 * record microseconds, and the hub validates millions. Both schemas share one Ajv instance because
 * cep.schema.json references `dossier.schema.json#/$defs/person`.
 */
const ajv = new Ajv2020({
  allErrors: true,
  // The schemas use `["string", "null"]`-style types; strict mode would otherwise warn on them.
  allowUnionTypes: true,
  // Messages are built from `keyword`/`params` (schema-messages.ts), never from Ajv's text.
  messages: false,
})
formats.default(ajv, ['date', 'date-time'])
ajv.addSchema(dossierSchema)
ajv.addSchema(cepSchema)

function compiled(id: string): ValidateFunction {
  const validate = ajv.getSchema(id)
  if (validate === undefined) throw new Error(`schema not compiled: ${id}`)
  return validate
}

const validators = {
  dossier: compiled('dossier.schema.json'),
  cep: compiled('cep.schema.json'),
} as const

/**
 * Checks `raw` against the schema of its type and returns one finding per schema error.
 * @example
 * schemaFindings('cep', { type: 'cep' }) // [{ path: '/id', code: 'record/required', … }, …]
 */
export function schemaFindings(type: 'dossier' | 'cep', raw: Record<string, unknown>): readonly Finding[] {
  const validate = validators[type]
  if (validate(raw)) return none
  return (validate.errors ?? []).map((error) => findingOfSchemaError(error, raw))
}
