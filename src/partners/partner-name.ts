/**
 * A partner's name as the hub stores it: parsed once, where it comes in (`partners add --name`, a
 * partners file), into a `PartnerName`.
 * @module
 */
import { characterCount, notPlainText, shownValue } from '../lib/plain-text.ts'

/** The longest partner name, in characters: the longest official body name is under 150. */
export const MAX_PARTNER_NAME_LENGTH = 200

/** What a partner name must be, as the messages say it. */
export const PARTNER_NAME_RULE = `one line of 1 to ${MAX_PARTNER_NAME_LENGTH} characters, without control characters`

/** A name that is one line of plain text, trimmed, in Unicode NFC, 1 to 200 characters. */
export type PartnerName = string & { readonly __brand: 'PartnerName' }

/**
 * The partner name `raw` holds (trimmed, NFC), or what is wrong with it: a line break or another
 * control character would forge a row in `partners list`, whose name is its last column.
 *
 * @example
 * parsePartnerName(' Région Bretagne ') // { ok: true, name: 'Région Bretagne' }
 * parsePartnerName('A\nR11  REGION') // { ok: false, problem: 'it holds a line break (U+000A) at character 2' }
 */
export function parsePartnerName(
  raw: string,
): { readonly ok: true; readonly name: PartnerName } | { readonly ok: false; readonly problem: string } {
  const control = notPlainText(raw)
  if (control !== null) return { ok: false, problem: control }
  const name = raw.trim().normalize('NFC')
  if (name === '') return { ok: false, problem: 'it is empty' }
  const length = characterCount(name)
  if (length > MAX_PARTNER_NAME_LENGTH) return { ok: false, problem: `it has ${length} characters` }
  return { ok: true, name: name as PartnerName }
}

/**
 * The message refusing `raw` as the partner name of `field` (`--name`, or `name` in a file):
 * the field, the value escaped, the rule and what breaks it.
 *
 * @example
 * partnerNameError('--name', 'A\n') // '--name "A\\n" is not a partner name (one line of 1 to 200 characters, without control characters): it holds a line break (U+000A) at character 2'
 */
export function partnerNameError(field: string, raw: string, problem: string): string {
  return `${field} ${shownValue(raw)} is not a partner name (${PARTNER_NAME_RULE}): ${problem}`
}
