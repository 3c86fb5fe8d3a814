/**
 * Calendar helpers on day numbers (days since 1970-01-01, UTC), without `Date` objects in the hot
 * path and without ever reading the clock.
 * @module
 */

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Civil date of a day number: [year, month 1–12, day 1–31]. */
export function civilOf(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(dayNumber: number): string {
  const [y, m, d] = civilOf(dayNumber)
  return `${y}-${pad2(m)}-${pad2(d)}`
}

/** Day number of a `YYYY-MM-DD` string; NaN when it is not a valid date. */
export function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return Number.NaN
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const day = dayOf(y, m, d)
  const [y2, m2, d2] = civilOf(day)
  return y2 === y && m2 === m && d2 === d ? day : Number.NaN
}

/** The same day of month `months` later (clamped to the month's last day). */
export function addMonths(dayNumber: number, months: number): number {
  const [y, m, d] = civilOf(dayNumber)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const last = dayOf(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - 1
  return Math.min(dayOf(ny, nm, d), last)
}

/** Day of week, 0 = Monday … 6 = Sunday. */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7
}

/** Whole years between a birth date and a later date. */
export function ageAt(birthDay: number, atDay: number): number {
  const [by, bm, bd] = civilOf(birthDay)
  const [y, m, d] = civilOf(atDay)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

function lastSunday(year: number, month: number): number {
  const last = dayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1
  return last - ((weekday(last) + 1) % 7)
}

/** The UTC offset of metropolitan France on a day, in minutes (+60 winter, +120 summer). */
export function parisOffsetMinutes(dayNumber: number): number {
  const [y] = civilOf(dayNumber)
  return dayNumber >= lastSunday(y, 3) && dayNumber < lastSunday(y, 10) ? 120 : 60
}

/**
 * An RFC 3339 timestamp with offset, for an instant given as seconds since the epoch (UTC) and the
 * sender's offset in minutes (`null`: written in UTC with `Z`).
 */
export function formatTimestamp(epochSeconds: number, offsetMinutes: number | null): string {
  const local = epochSeconds + (offsetMinutes ?? 0) * 60
  const day = Math.floor(local / 86400)
  const s = local - day * 86400
  const time = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`
  if (offsetMinutes === null) return `${isoDate(day)}T${time}Z`
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${isoDate(day)}T${time}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}
