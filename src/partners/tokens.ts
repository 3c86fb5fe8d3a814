import { createHash, randomBytes } from 'node:crypto'

/** A new partner token: 32 random bytes, URL-safe, prefixed so that it is recognisable in a leak scan. */
export function newToken(): string {
  return `psl_${randomBytes(32).toString('base64url')}`
}

/**
 * Tokens are stored as their sha256: they are long random secrets, so a fast hash is enough and
 * keeps authentication synchronous on the hot path (PERF-LIMITS §4).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
