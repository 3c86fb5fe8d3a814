import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Opaque cursors: the position as base64url JSON, then an HMAC-SHA256 of it under a key derived
 * from PASSERELLE_SECRET and the partner id. A cursor edited, forged, or taken from another
 * partner does not verify (the caller gets a 400); the position itself holds no nominative data.
 */
function sign(secret: string, partnerId: number, body: string): string {
  return createHmac('sha256', `${secret}\0cursor\0${partnerId}`).update(body).digest('base64url')
}

/** Encodes a position for `partnerId`. */
export function encodeCursor(secret: string, partnerId: number, position: unknown): string {
  const body = Buffer.from(JSON.stringify(position)).toString('base64url')
  return `${body}.${sign(secret, partnerId, body)}`
}

/** The position of a cursor made by encodeCursor for the same partner, or undefined. */
export function decodeCursor(secret: string, partnerId: number, cursor: string): unknown {
  const [body, mac, extra] = cursor.split('.')
  if (!body || !mac || extra !== undefined || cursor.length > 1000) return undefined
  const expected = Buffer.from(sign(secret, partnerId, body))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}
