/**
 * The NIR of a search, sealed for the search's next pages. A page link of a NIR search is a form
 * that must carry the NIR again (a NIR never goes in a URL), but the page must not hold it in
 * clear either: it would stay in the browser's cache, a saved page or a screenshot of its source.
 * The form carries it encrypted and authenticated (AES-256-GCM) under a key derived from the hub's
 * secret and the session: it opens on this hub, in this session only, and names nothing.
 * @module
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

function key(secret: string, sessionId: string): Buffer {
  return createHash('sha256').update(`${secret}\0search-nir\0${sessionId}`).digest()
}

/**
 * `nir` sealed for the session `sessionId`, as base64url text for a hidden form field.
 * @example openNir(secret, id, sealNir(secret, id, '1850575123456')) // '1850575123456'
 */
export function sealNir(secret: string, sessionId: string, nir: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(secret, sessionId), iv)
  const sealed = Buffer.concat([cipher.update(nir, 'utf8'), cipher.final()])
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')
}

/** The NIR sealed by {@link sealNir} for the same session, or undefined (edited, forged, another session's). */
export function openNir(secret: string, sessionId: string, sealed: string): string | undefined {
  if (sealed.length > 200 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return undefined
  const data = Buffer.from(sealed, 'base64url')
  if (data.length < 12 + 16 + 1) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret, sessionId), data.subarray(0, 12))
    decipher.setAuthTag(data.subarray(data.length - 16))
    return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString(
      'utf8',
    )
  } catch {
    return undefined
  }
}
