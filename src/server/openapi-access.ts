import { DOSSIER_STATUSES } from '../access/search.ts'

/**
 * OpenAPI descriptions of the partner-access routes (issue 6): reads of the caller's own
 * nominative data under row-level security, and the public referentials.
 * @module
 */

type ErrorResponse = (description: string) => unknown

// The export's two spellings (src/access/export.ts, ExportFormat), for both exports.
const exportFormat = {
  name: 'format',
  in: 'query',
  required: false,
  schema: { enum: ['csv', 'excel'], default: 'csv' },
} as const

// A record of a shared dossier, or null.
const recordRef = {
  type: ['object', 'null'],
  properties: { partner: { type: 'string' }, id: { type: 'string' } },
} as const

const json = (schema: unknown) => ({ 'application/json': { schema } })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const page = (items: unknown) => ({
  type: 'object',
  required: ['items', 'page', 'pageSize', 'hasMore'],
  properties: {
    items: { type: 'array', items },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer' },
    hasMore: { type: 'boolean' },
  },
})
const date = { type: 'string', format: 'date' }
const horizon = {
  type: 'object',
  description: '`known: false` until exit + horizon is reached; then the spec’s employment outcomes',
  properties: {
    known: { type: 'boolean' },
    salaried: { type: 'boolean' },
    lasting: { type: 'boolean' },
    access: { type: 'boolean' },
    situation: { enum: ['emploi', 'en_formation', 'sans_emploi_salarie'] },
  },
}

/** Schemas the access routes refer to. */
export const accessSchemas = {
  DossierSearch: {
    type: 'object',
    additionalProperties: false,
    description: 'Every field optional; unknown fields are refused. A NIR goes only here, never in a URL.',
    properties: {
      id: { type: 'string', maxLength: 100 },
      nir: { type: 'string', description: '13 characters, or 15 with the key' },
      name: { type: 'string', description: 'Start of the birth or usual name, case- and accent-insensitive' },
      birthDate: date,
      startFrom: date,
      startTo: date,
      exitFrom: date,
      exitTo: date,
      status: { type: 'string', enum: DOSSIER_STATUSES },
      dispositif: {
        type: 'string',
        description: 'A code of reference/codes/dispositifs.csv (another: 400 search/unknown-dispositif)',
      },
      page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
      pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    },
  },
  DossierSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      sharedDossierId: { type: ['string', 'null'] },
      birthName: { type: ['string', 'null'] },
      usualName: { type: ['string', 'null'], description: 'The usual name (nom d’usage) you sent, if any' },
      firstNames: { type: ['string', 'null'] },
      birthDate: date,
      dispositif: { type: 'string' },
      status: { type: 'string' },
      plannedStart: date,
      exitDate: { type: ['string', 'null'], format: 'date' },
    },
  },
  SharedDossier: {
    type: 'object',
    required: ['id', 'sharedDossierId', 'person', 'contributions', 'outcomes'],
    properties: {
      id: { type: 'string', description: 'Your record id' },
      sharedDossierId: { type: ['string', 'null'] },
      person: {
        description: 'The identity you sent (co-funders’ identities are never shown)',
        type: ['object', 'null'],
      },
      contributions: {
        type: 'array',
        description: 'Every partner’s record of the shared dossier, the lead first',
        items: {
          type: 'object',
          properties: {
            partner: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
            id: { type: 'string' },
            yours: { type: 'boolean' },
            current: {
              type: 'object',
              description:
                'Current state (dates, status, training, funding): `committed` is the record’s whole amount, `funding` its lines `[{funder, committed}]` (another funder’s line may be in it: add up lines by funder, not the contributions’ `committed`)',
            },
            history: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  version: { type: 'integer' },
                  updatedAt: { type: 'string', format: 'date-time' },
                  receivedAt: { type: 'string', format: 'date-time' },
                  payload: { type: 'object', description: 'The version as sent, without the clear identity' },
                },
              },
            },
          },
        },
      },
      outcomes: {
        type: 'object',
        properties: {
          certification: { type: ['string', 'null'] },
          exitDate: { type: ['string', 'null'], format: 'date' },
          certificationFrom: {
            ...recordRef,
            description:
              'The record the certification result comes from (the lead record when several say one, as publication counts it); it may be a co-funder’s, whose result differs from your record’s',
          },
          exitFrom: { ...recordRef, description: 'The record the exit date comes from, likewise' },
          employment: {
            type: ['object', 'null'],
            properties: { '6': horizon, '12': horizon },
          },
        },
      },
    },
  },
  Change: {
    type: 'object',
    properties: {
      sharedDossierId: { type: 'string' },
      yourRecords: { type: 'array', items: { type: 'string' } },
      partner: { type: 'string', description: 'Code of the partner that changed its record' },
      record: { type: 'string' },
      version: { type: 'integer' },
      status: { type: ['string', 'null'] },
      updatedAt: { type: 'string', format: 'date-time' },
      receivedAt: { type: 'string', format: 'date-time' },
    },
  },
}

/** Paths of the access routes. */
export function accessPaths(errorResponse: ErrorResponse) {
  const security = [{ bearer: [] }]
  const unauthorised = errorResponse(
    'Missing, unknown, revoked or expired token (auth/missing-token, auth/invalid-token, auth/expired-token)',
  )
  // What both exports answer.
  const exportResponses = {
    '200': {
      description: 'CSV, UTF-8, header line',
      content: { 'text/csv': { schema: { type: 'string' } } },
    },
    '400': errorResponse(
      'A format other than csv and excel (`export/unknown-format`), or another query parameter than `format` (`export/unknown-parameter`)',
    ),
    '401': unauthorised,
  }
  return {
    '/dossiers/{id}': {
      get: {
        summary: 'One of your dossiers, as a shared dossier',
        description:
          'Your record `id` with every co-funder’s record of the same shared dossier, their history, and the outcomes (certification; employment at 6 and 12 months from DSN). An id that is not yours answers exactly like one that does not exist. Every call is written to the audit log.',
        security,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 200 } }],
        responses: {
          '200': { description: 'The shared dossier', content: json(ref('SharedDossier')) },
          '401': unauthorised,
          '404': errorResponse('No dossier of yours has this id'),
        },
      },
    },
    '/dossiers/search': {
      post: {
        summary: 'Search your dossiers',
        security,
        requestBody: { required: true, content: json(ref('DossierSearch')) },
        responses: {
          '200': { description: 'One page, by record id', content: json(page(ref('DossierSummary'))) },
          '400': {
            description: 'Invalid search',
            content: json({
              type: 'object',
              properties: { errors: { type: 'array', items: ref('Finding') } },
            }),
          },
          '401': unauthorised,
          '413': errorResponse('The body is over 64 KiB (`request/too-large`)'),
          '415': errorResponse('Not application/json (`request/unsupported-media-type`)'),
        },
      },
    },
    '/changes': {
      get: {
        summary: 'What co-funders changed on your shared dossiers',
        description:
          'Versions other partners sent on shared dossiers you contributed to, in the order the hub committed them: at most 500 per page, among the next ~20,000 versions of the hub (from an old cursor, or none, a page can hold fewer changes, none even). A version enters the feed once every transaction that started writing before it has ended: usually at once, later while a long write (a publication) runs. Pass `next` back as `since` while `hasMore` is true; it is opaque (encrypted and authenticated: it names nothing), and a forged one answers 400.',
        security,
        parameters: [{ name: 'since', in: 'query', required: false, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'A page of changes',
            content: json({
              type: 'object',
              properties: {
                changes: { type: 'array', items: ref('Change') },
                next: { type: ['string', 'null'] },
                hasMore: { type: 'boolean' },
              },
            }),
          },
          '400': errorResponse(
            'The cursor is not one this hub gave you (`cursor/invalid`), or a parameter other than since (`changes/unknown-parameter`)',
          ),
          '401': unauthorised,
        },
      },
    },
    '/export.csv': {
      get: {
        summary: 'All your nominative data as CSV',
        description:
          'One line per record you may read (yours, with the identity you sent; co-funders’ records of shared dossiers, without theirs), streamed in batches: any size. A text cell that a spreadsheet would run as a formula (opening with =, +, -, @, a tab or a carriage return, numbers aside) is prefixed with an apostrophe. By default a file for programs: RFC 4180 quoting, comma, UTF-8 without byte-order mark, lines ending in LF, values as stored (codes such as commune 01053 keep their leading zeros). `format=excel` gives the same columns for a spreadsheet: a UTF-8 byte-order mark, semicolons, CRLF, decimal commas, and the codes made of digits (record and shared-dossier ids, NIR, communes, SIRET, offer reference, certification code, status at entry) written as `="01053"` so that the spreadsheet keeps them as text.',
        security,
        parameters: [exportFormat],
        responses: exportResponses,
      },
    },
    '/export-cep.csv': {
      get: {
        summary: 'Your CEP accompaniment periods as CSV',
        description:
          'What a CEP operator reads back: one line per CEP period you sent (periods are never shared), with the identity you sent and the period’s current state, streamed in batches: any size. The same two formats as /export.csv (`format=excel` for a spreadsheet). Each batch read is logged, the periods named `cep/ID`.',
        security,
        parameters: [exportFormat],
        responses: exportResponses,
      },
    },
    '/token': {
      get: {
        summary: 'The token you call with',
        description:
          'Your partner, and the calling token’s id, audit actor, issue and end (`expiresAt` null: a token issued before tokens expired, valid until rotated), so that your software can ask the hub’s operator for the next token before this one ends. Never the token itself.',
        security,
        responses: {
          '200': {
            description: 'The calling token',
            content: json({
              type: 'object',
              required: ['partner', 'token'],
              properties: {
                partner: {
                  type: 'object',
                  properties: {
                    code: { type: 'string' },
                    name: { type: 'string' },
                    kind: { type: 'string' },
                  },
                },
                token: {
                  type: 'object',
                  required: ['id', 'actor', 'issuedAt', 'expiresAt'],
                  properties: {
                    id: { type: 'integer' },
                    actor: { type: 'string', example: 'token:R84#12' },
                    issuedAt: { type: 'string', format: 'date-time' },
                    expiresAt: { type: ['string', 'null'], format: 'date-time' },
                  },
                },
              },
            }),
          },
          '401': unauthorised,
        },
      },
    },
    '/referentials/{kind}': {
      get: {
        summary: 'Search a public referential',
        security,
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: { enum: ['organisms', 'certifications', 'catalogue'] },
          },
          {
            name: 'q',
            in: 'query',
            required: false,
            description:
              'Text contained in a searched column (organisms: siret, nda, name; certifications: code, title; catalogue: offer_ref, siret, certification_code, formacode), whatever the case and the accents: `reunion` finds `Réunion`',
            schema: { type: 'string', maxLength: 100 },
          },
          {
            name: 'page',
            in: 'query',
            required: false,
            description: 'Decimal digits only (`1e3`, `0x10`, `2.0` are refused)',
            schema: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
          },
          {
            name: 'pageSize',
            in: 'query',
            required: false,
            description: 'Decimal digits only',
            schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        ],
        responses: {
          '200': { description: 'One page, by key', content: json(page({ type: 'object' })) },
          '400': errorResponse(
            'Invalid q, page or pageSize (`referential/invalid-query`, `referential/invalid-page`, `referential/invalid-page-size`), or another parameter (`referential/unknown-parameter`)',
          ),
          '401': unauthorised,
          '404': errorResponse('Not a partner referential'),
        },
      },
    },
  }
}
