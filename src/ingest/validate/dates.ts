/**
 * Calendar helpers on `YYYY-MM-DD` strings. Once the schema has checked the format, these strings
 * order like the dates they name, so comparisons are plain string comparisons: no time zone and
 * no `Date` parsing on the hot path.
 */

/** The same day `years` later (29 February stays 29 February: still ordered correctly as a bound). */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years
  return `${String(year).padStart(4, '0')}${date.slice(4)}`
}

/** Age in whole years on `on` of a person born on `birth` (the birthday counts as reached on its day). */
export function ageAt(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4))
  return on.slice(5) < birth.slice(5) ? years - 1 : years
}

const DATE_TIME =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))$/

/**
 * An RFC 3339 date-time (as accepted by the `date-time` format) as an ISO instant in UTC, or `null`
 * when it cannot be read. Parsed by hand rather than with `new Date(x)` because the format also
 * accepts what `Date` rejects: a leap second (`23:59:60Z`, read as the next second). Stricter than
 * the `date-time` format of ajv-formats, which also lets through offsets without a colon or
 * minutes and a space for `T`: RFC 3339 (the spec's "RFC 3339 with offset") does not. Fractions
 * beyond milliseconds are truncated, as `Date` does.
 * @example
 * toUtcInstant('2024-03-01T10:00:00+01:00') // '2024-03-01T09:00:00.000Z'
 */
export function toUtcInstant(value: string): string | null {
  const m = DATE_TIME.exec(value)
  if (m === null) return null
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m
  const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3))
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om ?? 0))
  const date = new Date(0)
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d))
  date.setUTCHours(Number(h), Number(mi) - offset, Number(s), ms)
  const time = date.getTime()
  return Number.isNaN(time) ? null : date.toISOString()
}
