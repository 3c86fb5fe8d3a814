/**
 * A partner-area account's e-mail, its sign-in: parsed once, where the operator gives it
 * (`users add --email`), into an `Email`.
 * @module
 */
import { characterCount, notPlainText, shownValue } from '../lib/plain-text.ts'
import { normaliseEmail } from './users.repository.ts'

/** The longest e-mail address, in characters: a forward-path holds at most 254 (RFC 5321, 4.5.3.1.3). */
export const MAX_EMAIL_LENGTH = 254

/** What an e-mail must be, as the messages say it. */
export const EMAIL_RULE = `an address name@domain.tld of at most ${MAX_EMAIL_LENGTH} characters (RFC 5321), without spaces or control characters`

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** An e-mail as accounts are stored and looked up: trimmed, lower case, one line, ≤ 254 characters. */
export type Email = string & { readonly __brand: 'Email' }

/**
 * The e-mail `raw` holds, normalised as the hub compares them (normaliseEmail), or what is wrong
 * with it: a line break in it would forge a row of `users list` or a line of `operator-log`.
 *
 * @example
 * parseEmail(' Ana@Example.fr ') // { ok: true, email: 'ana@example.fr' }
 * parseEmail('ana@example.fr\u0007') // { ok: false, problem: 'it holds a control character (U+0007) at character 15' }
 */
export function parseEmail(
  raw: string,
): { readonly ok: true; readonly email: Email } | { readonly ok: false; readonly problem: string } {
  const control = notPlainText(raw)
  if (control !== null) return { ok: false, problem: control }
  const email = normaliseEmail(raw)
  const length = characterCount(email)
  if (length > MAX_EMAIL_LENGTH) return { ok: false, problem: `it has ${length} characters` }
  if (!EMAIL.test(email)) return { ok: false, problem: 'it is not of the form name@domain.tld' }
  return { ok: true, email: email as Email }
}

/** The message refusing `raw` as the e-mail of `field`: the field, the value escaped, the rule and what breaks it. */
export function emailError(field: string, raw: string, problem: string): string {
  return `${field} ${shownValue(raw)} is not an e-mail (${EMAIL_RULE}): ${problem}`
}
