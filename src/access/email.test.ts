import { describe, expect, it } from 'vitest'
import { emailError, MAX_EMAIL_LENGTH, parseEmail } from './email.ts'

describe('parseEmail', () => {
  it('takes an address, trimmed and in lower case, up to 254 characters', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(MAX_EMAIL_LENGTH - 64 - 4)}.fr`
    expect([parseEmail(' Ana@Region.FR '), parseEmail(longest)]).toEqual([
      { ok: true, email: 'ana@region.fr' },
      { ok: true, email: longest },
    ])
  })

  it('refuses control characters (a trailing newline included), an address too long or not one', () => {
    expect([
      parseEmail('ana@region.fr\n'),
      parseEmail('ana@region.fr\u0007'),
      parseEmail('ana\r@region.fr'),
      parseEmail('ana@region.fr\u2029'),
      parseEmail(`${'a'.repeat(250)}@b.fr`),
      parseEmail('nope'),
    ]).toEqual([
      { ok: false, problem: 'it holds a line break (U+000A) at character 14' },
      { ok: false, problem: 'it holds a control character (U+0007) at character 14' },
      { ok: false, problem: 'it holds a line break (U+000D) at character 4' },
      { ok: false, problem: 'it holds a line break (U+2029) at character 14' },
      { ok: false, problem: 'it has 255 characters' },
      { ok: false, problem: 'it is not of the form name@domain.tld' },
    ])
  })

  it('says the field, the value escaped and the rule', () => {
    expect(
      emailError('--email', 'a@b.fr\u0007', 'it holds a control character (U+0007) at character 7'),
    ).toBe(
      '--email "a@b.fr\\u0007" is not an e-mail (an address name@domain.tld of at most 254 characters (RFC 5321), without spaces or control characters): it holds a control character (U+0007) at character 7',
    )
  })
})
