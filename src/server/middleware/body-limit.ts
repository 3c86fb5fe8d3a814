import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { problem } from '../problem.ts'

/** What a form or a search body needs, with room to spare: a sign-in is ~200 bytes. */
export const SMALL_BODY_BYTES = 64 * 1024

/**
 * Refuses a body larger than `maxSize` bytes with 413 `request/too-large`, counting what arrives
 * when no Content-Length announces it (a chunked body), before any route reads it: a route that
 * reads its whole body (a JSON search, a form) would otherwise hold any size in memory, and the
 * sign-in form takes it from anyone. `only` limits the check to some content types (JSON, not an
 * NDJSON stream); `advice` ends the message; `answer`, when given, makes the 413 answer instead
 * (the partner area's page), given the JSON one to fall back on.
 */
export function limitBody(
  maxSize: number,
  options: {
    only?: (contentType: string) => boolean
    advice?: string
    answer?: (c: Context, json: () => Response) => Response | Promise<Response>
  } = {},
): MiddlewareHandler {
  const only = options.only ?? (() => true)
  const message = `the body exceeds ${maxSize} bytes${options.advice ? `; ${options.advice}` : ''}`
  const json = (c: Context) => () => problem(c, 413, 'request/too-large', message)
  const answer = options.answer ?? ((c: Context) => json(c)())
  const limit = bodyLimit({ maxSize, onError: (c) => answer(c, json(c)) })
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (c.req.method !== 'POST' || !only(type)) return next()
    return limit(c, next)
  }
}
