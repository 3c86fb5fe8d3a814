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
