import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt cost: N = 2^15, r = 8 (32 MiB per hash): memory-hard, ~50–100 ms on this machine. */
const DEFAULTS = { N: 32768, r: 8, p: 1, keylen: 32 }

function derive(password: string, salt: Buffer, p: typeof DEFAULTS): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(password, salt, p.keylen, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r }, (e, key) =>
      e ? fail(e) : done(key),
    ),
  )
}

/**
 * Hashes a password with scrypt and a random 16-byte salt. The parameters are stored with the
 * hash (`scrypt$N$r$p$salt$hash`) so that they can be raised later without breaking old hashes.
 */
export async function hashPassword(password: string, params = DEFAULTS): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** True when `password` matches `stored`; false for a malformed stored hash. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const params = { N: Number(n), r: Number(r), p: Number(p), keylen: expected.length }
  if (!Number.isInteger(params.N) || !Number.isInteger(params.r) || !Number.isInteger(params.p)) return false
  const key = await derive(password, Buffer.from(salt, 'base64'), params)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A password for an account created without one: 18 random bytes, URL-safe (24 characters). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}

/** The shortest password an account may have (operator-set or changed by its user). */
export const MIN_PASSWORD_LENGTH = 12

/** The least number of different characters in a password, spaces aside: 12 spaces or `aaaaaaaaaaaa` are no password. */
export const MIN_DISTINCT_CHARACTERS = 5

/** Whether `password` has {@link MIN_DISTINCT_CHARACTERS} different characters, spaces aside. */
export function variedEnough(password: string): boolean {
  return new Set(password.replace(/\s/g, '')).size >= MIN_DISTINCT_CHARACTERS
}
