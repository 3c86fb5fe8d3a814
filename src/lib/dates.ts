/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, in UTC so that no time zone or daylight saving shift
 * can move a day.
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return [y, m, d]
}

function format(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

/** The date `days` days later (or earlier when negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  return format(Date.UTC(y, m - 1, d + days))
}

/**
 * The same day `months` months later; when that month is shorter, its last day
 * (31 August + 6 months = 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return format(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)))
}

/**
 * True for a `YYYY-MM-DD` string naming a day of the calendar. `Date.parse` is not enough: it
 * rolls 2024-02-30 over to 1 March, where PostgreSQL refuses the literal.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [y, m, d] = parts(value)
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31
  return m >= 1 && m <= 12 && d >= 1 && d <= days
}
