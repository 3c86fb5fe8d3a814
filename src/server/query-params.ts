import type { Context } from 'hono'

/**
 * The first query parameter of the request that the route does not take, if any. Routes refuse it:
 * a misspelt parameter (`?query=` for `?q=`, `?sinse=` for `?since=`) would otherwise be dropped and
 * the answer silently widened to everything.
 */
export function unknownQueryParameter(c: Context, allowed: readonly string[]): string | undefined {
  return Object.keys(c.req.queries()).find((name) => !allowed.includes(name))
}
