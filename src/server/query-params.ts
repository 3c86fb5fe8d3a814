import type { Context } from 'hono'

/**
 * The first query parameter of the request that the route does not take, if any. Routes refuse it:
 * a misspelt parameter (`?query=` for `?q=`, `?sinse=` for `?since=`) would otherwise be dropped and
 * the answer silently widened to everything.
 */
export function unknownQueryParameter(c: Context, allowed: readonly string[]): string | undefined {
  return Object.keys(c.req.queries()).find((name) => !allowed.includes(name))
}

/**
 * `text` as a page number or size: decimal digits only, from `min` to `max`; otherwise undefined.
 * `Number()` alone would take `1e3`, `0x10`, ` 5 `, `5.0` or an empty string (0) as numbers, so a
 * mistyped parameter would be read as some other page instead of being refused.
 * @example decimalInteger('12', 1, 100) // 12
 * @example decimalInteger('1e3', 1, 100_000) // undefined
 */
export function decimalInteger(text: string, min: number, max: number): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined
  const n = Number(text)
  return n >= min && n <= max ? n : undefined
}
