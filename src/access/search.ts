import { normalizeName } from '../ingest/person-key.ts'
import type { DossierStatus } from '../ingest/record.ts'
import { isCalendarDate } from '../lib/dates.ts'
import { NIR_LAYOUT } from '../lib/nir.ts'
import { maskNirs } from '../lib/nir-mask.ts'
import { quote } from '../lib/quote.ts'

/** A search of the caller's dossiers, as validated from a request body. */
export interface DossierQuery {
  readonly id?: string
  readonly nir?: string
  readonly name?: string
  readonly birthDate?: string
  readonly startFrom?: string
  readonly startTo?: string
  readonly exitFrom?: string
  readonly exitTo?: string
  readonly status?: string
  readonly dispositif?: string
  readonly page: number
  readonly pageSize: number
}

/** A finding about a request, as the API reports it. */
export interface Finding {
  readonly path: string
  readonly code: string
  readonly message: string
}

/** The codes a search may name, from the code lists (`loadSearchVocabulary`). */
export interface SearchVocabulary {
  /** reference/codes/dispositifs.csv: code → label. */
  readonly dispositifs: ReadonlyMap<string, string>
}

/** A dossier's statuses (spec): a search for any other finds nothing, so it is refused. */
export const DOSSIER_STATUSES: readonly DossierStatus[] = ['ACCEPTE', 'ENTRE', 'SORTI', 'ANNULE']

/**
 * True for text a query may carry: 1 to `max` characters, no control character (PostgreSQL
 * refuses a NUL byte in text, and no identifier or name holds one).
 */
export function isPlainText(value: unknown, max = 100): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) return false
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return false
  }
  return true
}
const TEXT_FIELDS = ['id', 'name', 'status', 'dispositif'] as const
const DATE_FIELDS = ['birthDate', 'startFrom', 'startTo', 'exitFrom', 'exitTo'] as const
export const MAX_PAGE_SIZE = 100

// A NIR typed into another field, or as a field's name, comes back masked: no finding quotes one.
function masked<T>(value: T): T | string {
  return typeof value === 'string' ? maskNirs(value) : value
}

/**
 * Validates a search body. Unknown fields are refused (a typo must not widen a search), and so are
 * a status or a dispositif outside their code lists (a search for them could only find nothing).
 * A finding quotes the value it refuses, except a NIR (checked in shape only, and masked wherever
 * else it is typed) and a name.
 */
export function parseDossierQuery(
  body: unknown,
  vocabulary: SearchVocabulary,
): { query: DossierQuery } | { errors: Finding[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { errors: [{ path: '', code: 'search/not-an-object', message: 'the body must be a JSON object' }] }
  const input = body as Record<string, unknown>
  const errors: Finding[] = []
  const out: Record<string, unknown> = {}
  const fields = [...TEXT_FIELDS, 'nir', ...DATE_FIELDS, 'page', 'pageSize']
  const known = new Set<string>(fields)
  for (const key of Object.keys(input))
    if (!known.has(key))
      errors.push({
        path: `/${masked(key)}`,
        code: 'search/unknown-field',
        message: `unknown search field "${masked(key).slice(0, 40)}" (the fields are ${fields.join(', ')})`,
      })
  for (const key of TEXT_FIELDS) {
    const v = input[key]
    if (v === undefined) continue
    if (!isPlainText(v))
      errors.push({
        path: `/${key}`,
        code: 'search/invalid-text',
        message: `${key} must be a string of 1 to 100 characters, none of them a control character`,
      })
    else if (key === 'status' && !(DOSSIER_STATUSES as readonly string[]).includes(v))
      errors.push({
        path: '/status',
        code: 'search/unknown-status',
        message: `status ${quote(masked(v))} is not a dossier status (${DOSSIER_STATUSES.join(', ')})`,
      })
    else if (key === 'dispositif' && !vocabulary.dispositifs.has(v))
      errors.push({
        path: '/dispositif',
        code: 'search/unknown-dispositif',
        message: `dispositif ${quote(masked(v))} is not in the code list of dispositifs (reference/codes/dispositifs.csv)`,
      })
    else out[key] = v
  }
  for (const key of DATE_FIELDS) {
    const v = input[key]
    if (v === undefined) continue
    if (!isCalendarDate(v))
      errors.push({
        path: `/${key}`,
        code: 'search/invalid-date',
        message: `${key} ${quote(masked(v))} must be a date YYYY-MM-DD of the calendar`,
      })
    else out[key] = v
  }
  if (input.nir !== undefined) {
    const nir = typeof input.nir === 'string' ? input.nir.replace(/\s/g, '').toUpperCase() : ''
    if (!NIR_LAYOUT.test(nir))
      errors.push({
        path: '/nir',
        code: 'search/invalid-nir',
        message:
          'nir does not have the shape of a NIR (13 characters, or 15 with the key: 1, 2, 3, 7 or 8, year, month, département, commune, order)',
      })
    else out.nir = nir.slice(0, 13)
  }
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  if (!Number.isInteger(page) || (page as number) < 1 || (page as number) > 100_000)
    errors.push({
      path: '/page',
      code: 'search/invalid-page',
      message: `page ${quote(masked(page))} must be an integer from 1 to 100000`,
    })
  if (!Number.isInteger(pageSize) || (pageSize as number) < 1 || (pageSize as number) > MAX_PAGE_SIZE)
    errors.push({
      path: '/pageSize',
      code: 'search/invalid-page-size',
      message: `pageSize ${quote(masked(pageSize))} must be an integer from 1 to ${MAX_PAGE_SIZE}`,
    })
  if (errors.length > 0) return { errors }
  return { query: { ...out, page, pageSize } as DossierQuery }
}

/** The name as stored for comparison (upper case, no accents), for prefix search. */
export function nameKey(name: string): string {
  return normalizeName(name)
}
