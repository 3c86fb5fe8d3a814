import { describe, expect, it } from 'vitest'
import { generatePassword, hashPassword, variedEnough, verifyPassword } from './password.ts'

const FAST = { N: 1024, r: 8, p: 1, keylen: 32 }

describe('passwords', () => {
  it('stores scrypt parameters and a per-user salt with the hash', async () => {
    const a = await hashPassword('correct horse', FAST)
    const b = await hashPassword('correct horse', FAST)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(a).not.toBe(b)
  })

  it('accepts the right password and refuses a wrong one or a malformed hash', async () => {
    const stored = await hashPassword('correct horse', FAST)
    expect(await verifyPassword('correct horse', stored)).toBe(true)
    expect(await verifyPassword('correct hors', stored)).toBe(false)
    expect(await verifyPassword('correct horse', 'plain')).toBe(false)
  })

  it('uses the default memory-hard cost when none is given', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$32768\$8\$1\$/)
  })

  it('calls a password of spaces or of a few characters repeated not varied enough', () => {
    expect(
      [
        '            ',
        'aaaaaaaaaaaa',
        'abab abab abab',
        'abcd abcd abcd',
        'abcde abcde',
        'correct horse battery',
      ].map(variedEnough),
    ).toEqual([false, false, false, false, true, true])
  })

  it('generates distinct 24-character passwords', () => {
    const a = generatePassword()
    expect(a).toHaveLength(24)
    expect(generatePassword()).not.toBe(a)
  })
})
