import { createHmac } from 'node:crypto'

/**
 * The person key: HMAC-SHA256 of the NIR13 under the hub's secret, hex. It links a person across
 * partners without the NIR; without the secret it cannot be reversed by enumerating NIRs.
 */
export function personKey(secret: string, nir13: string): string {
  return createHmac('sha256', secret).update(nir13).digest('hex')
}

/** Birth names compared case- and accent-insensitively (SNGI certification), spaces folded. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
}
