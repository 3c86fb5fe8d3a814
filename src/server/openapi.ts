import { readFileSync } from 'node:fs'
import { accessPaths, accessSchemas } from './openapi-access.ts'

const schemaDir = new URL('../ingest/schema/', import.meta.url)
const load = (file: string) => JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8'))

const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', example: 'auth/invalid-token' }, message: { type: 'string' } },
    },
  },
}

const finding = {
  type: 'object',
  required: ['path', 'code', 'message'],
  properties: {
    path: { type: 'string', description: 'JSON pointer into the record', example: '/training/plannedEnd' },
    code: { type: 'string', description: 'Stable rule code', example: 'dossier/planned-end-before-start' },
    message: { type: 'string', description: 'Names the field, the value (never a NIR) and the rule' },
  },
}

/** The OpenAPI 3.1 description of the partner API, served at `/api/v1/openapi.json`. */
export function openApiDocument() {
  const dossier = load('dossier.schema.json')
  const cep = load('cep.schema.json')
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  })
  return {
    openapi: '3.1.0',
    info: {
      title: 'Passerelle partner API',
      version: '1.0.0',
      description:
        'Partners (funders and CEP operators) transmit training dossiers and CEP periods in the partner exchange format v1. Each record is a full snapshot with a version; the hub answers each record with its outcome.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The partner token given by the operator (passerelle partners add, rotate-token); it expires, by default a year after it was issued',
        },
      },
      schemas: {
        Dossier: { ...dossier, $id: undefined, $schema: undefined },
        Cep: {
          ...cep,
          $id: undefined,
          $schema: undefined,
          properties: {
            ...cep.properties,
            beneficiary: { $ref: '#/components/schemas/Dossier/$defs/person' },
          },
        },
        Finding: finding,
        Error: error,
        ...accessSchemas,
        RecordResult: {
          type: 'object',
          required: ['index', 'id', 'type', 'outcome'],
          properties: {
            index: {
              type: 'integer',
              description:
                'Position in the array (0-based) or line in the stream (0-based, blank lines skipped)',
            },
            id: { type: ['string', 'null'] },
            type: { type: ['string', 'null'] },
            outcome: { enum: ['created', 'updated', 'unchanged', 'stale', 'conflict', 'invalid'] },
            errors: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
          },
        },
      },
    },
    paths: {
      '/health': {
        get: {
          summary: 'Liveness and store check',
          responses: {
            '200': {
              description: 'The hub is up',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { status: { const: 'ok' }, store: { enum: ['pg', 'pglite'] } },
                  },
                },
              },
            },
          },
        },
      },
      '/records': {
        post: {
          summary: 'Transmit records',
          description:
            'A JSON array of at most 1,000 records, or an NDJSON stream (one record per line, any length). Valid records are stored (committed) before the answer even when others are rejected. An empty array (or a stream of no record) answers `{"results": []}` and is no transmission: the hub records nothing. Versions: a higher version is applied (created/updated), a lower one is stale, the same one with the same content unchanged (idempotent retry), with other content a conflict.',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'array',
                  maxItems: 1000,
                  items: {
                    oneOf: [{ $ref: '#/components/schemas/Dossier' }, { $ref: '#/components/schemas/Cep' }],
                  },
                },
              },
              'application/x-ndjson': { schema: { type: 'string', description: 'One record per line' } },
            },
          },
          responses: {
            '200': {
              description: 'One result per record',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['results'],
                    properties: {
                      results: { type: 'array', items: { $ref: '#/components/schemas/RecordResult' } },
                    },
                  },
                },
              },
            },
            '400': errorResponse(
              'The body is not UTF-8 (`request/invalid-utf8`: an NDJSON line that is not is that record’s finding `record/invalid-utf8` instead), not valid JSON (`request/invalid-json`), or not an array (`request/not-an-array`)',
            ),
            '401': errorResponse(
              'Missing, unknown, revoked or expired token (auth/missing-token, auth/invalid-token, auth/expired-token)',
            ),
            '413': errorResponse(
              'More than 1,000 records (`request/too-many-records`), or more than 32 MiB (`request/too-large`), in a JSON array',
            ),
            '415': errorResponse('Neither application/json nor application/x-ndjson'),
          },
        },
      },
      ...accessPaths(errorResponse),
    },
  }
}
