import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

/**
 * Opaque cursors: the position, encrypted and authenticated (AES-256-GCM) under a key derived from
 * PASSERELLE_SECRET and the partner id, as `v2.<base64url(iv, ciphertext, tag)>`. A cursor
 * edited, forged, or taken from another partner does not open (the caller gets a 400). Encrypted,
 * not only signed: a page cut short by the walk budget ends at a version the caller may not read,
 * and the position names it (another partner's record id, its version, when it arrived).
 *
 * Cursors handed out before (the position in clear, base64url JSON, then an HMAC-SHA256) still
 * open, so that a partner's software carries on from where it was.
 */
const VERSION = 'v2'

function key(secret: string, partnerId: number): Buffer {
  return createHash('sha256').update(`${secret}\0cursor-encryption\0${partnerId}`).digest()
}

/** Encodes a position for `partnerId`. */
export function encodeCursor(secret: string, partnerId: number, position: unknown): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(secret, partnerId), iv)
  const sealed = Buffer.concat([cipher.update(JSON.stringify(position), 'utf8'), cipher.final()])
  return `${VERSION}.${Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')}`
}

/** The position of a cursor made by encodeCursor for the same partner, or undefined. */
export function decodeCursor(secret: string, partnerId: number, cursor: string): unknown {
  const [head, rest, extra] = cursor.split('.')
  if (!head || !rest || extra !== undefined || cursor.length > 1000) return undefined
  return head === VERSION ? open(secret, partnerId, rest) : openSigned(secret, partnerId, head, rest)
}

function open(secret: string, partnerId: number, text: string): unknown {
  const data = Buffer.from(text, 'base64url')
  if (data.length < 12 + 16 + 1) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret, partnerId), data.subarray(0, 12))
    decipher.setAuthTag(data.subarray(data.length - 16))
    const plain = Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()])
    return JSON.parse(plain.toString('utf8'))
  } catch {
    return undefined
  }
}

// The signed cursors of 2026-12-04 to 2026-12-06.
function sign(secret: string, partnerId: number, body: string): string {
  return createHmac('sha256', `${secret}\0cursor\0${partnerId}`).update(body).digest('base64url')
}

function openSigned(secret: string, partnerId: number, body: string, mac: string): unknown {
  const expected = Buffer.from(sign(secret, partnerId, body))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/** A signed cursor as handed out before cursors were encrypted: for tests of their acceptance. */
export function signedCursor(secret: string, partnerId: number, position: unknown): string {
  const body = Buffer.from(JSON.stringify(position)).toString('base64url')
  return `${body}.${sign(secret, partnerId, body)}`
}
