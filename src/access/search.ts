import { normalizeName } from '../ingest/person-key.ts'
import type { DossierStatus } from '../ingest/record.ts'
import { isCalendarDate } from '../lib/dates.ts'
import { NIR_LAYOUT, nirKeyIsValid } from '../lib/nir.ts'
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
/** The last page a search may ask for (the first is 1). */
export const MAX_PAGE = 100_000

// A NIR typed into another field, or as a field's name, comes back masked: no finding quotes one.
function masked<T>(value: T): T | string {
  return typeof value === 'string' ? maskNirs(value) : value
}

// The rule of a page number in a query string (decimal digits only, src/server/query-params.ts) as
// a JSON body can keep it: JSON.parse loses the spelling, so `1e3` and `1.0` arrive as the integers
// 1000 and 1 and are taken, while `1.5`, `"2"` or a number out of bounds are refused. The bounds
// lie far below 2^53: every integer within them is exact.
function isIntegerFrom(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
}

// JSON.parse reads a number too large for a double (`1e400`) as Infinity, which JSON.stringify
// would quote as `null`, a value the caller never sent: it is named as Infinity.
function quoteNumber(value: unknown): string {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : quote(masked(value))
}

/**
 * Validates a search body. Unknown fields are refused (a typo must not widen a search), and so are
 * a status or a dispositif outside their code lists (a search for them could only find nothing).
 * A finding quotes the value it refuses, except a NIR (checked in shape only, and masked wherever
 * else it is typed) and a name. `page` (1 to {@link MAX_PAGE}) and `pageSize` (1 to
 * {@link MAX_PAGE_SIZE}) are JSON integers: a string, a fraction or a number out of bounds is
 * refused; `1e3` or `1.0` cannot be told from 1000 or 1 once parsed, and are taken as those.
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
    else if (nir.length === 15 && !nirKeyIsValid(nir))
      errors.push({
        path: '/nir',
        code: 'search/invalid-nir-key',
        message:
          'nir has a key (its last two digits) that does not match its first 13 characters: a typo? (97 − the 13-digit number mod 97)',
      })
    else out.nir = nir.slice(0, 13)
  }
  // A period that ends before it starts finds nothing: a mistake rather than a question.
  for (const [from, to] of [
    ['startFrom', 'startTo'],
    ['exitFrom', 'exitTo'],
  ] as const) {
    const start = out[from]
    const end = out[to]
    if (typeof start === 'string' && typeof end === 'string' && start > end)
      errors.push({
        path: `/${to}`,
        code: 'search/empty-period',
        message: `${to} ${end} is before ${from} ${start}: no date is in that period`,
      })
  }
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  if (!isIntegerFrom(page, 1, MAX_PAGE))
    errors.push({
      path: '/page',
      code: 'search/invalid-page',
      message: `page ${quoteNumber(page)} must be an integer from 1 to ${MAX_PAGE}`,
    })
  if (!isIntegerFrom(pageSize, 1, MAX_PAGE_SIZE))
    errors.push({
      path: '/pageSize',
      code: 'search/invalid-page-size',
      message: `pageSize ${quoteNumber(pageSize)} must be an integer from 1 to ${MAX_PAGE_SIZE}`,
    })
  if (errors.length > 0) return { errors }
  return { query: { ...out, page, pageSize } as DossierQuery }
}

/** The name as stored for comparison (upper case, no accents), for prefix search. */
export function nameKey(name: string): string {
  return normalizeName(name)
}
