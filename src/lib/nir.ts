/**
 * NIR (French social security number) helpers. The key is 97 − (NIR13 mod 97), with Corsican
 * départements 2A and 2B read as 19 and 18 (spec/README.md, "NIR").
 */

/** The numeric value of a 13-character NIR, Corsica letters replaced, as a bigint. */
function nirNumber(nir13: string): bigint {
  const digits = nir13.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118')
  return BigInt(digits)
}

/** The NIR layout of the exchange format's schema (spec/dossier.schema.json, trainee.nir): 13 characters, or 15 with the key. */
export const NIR_LAYOUT = /^[12378][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2[AB]|[0-9]{2})[0-9]{6}([0-9]{2})?$/

/** The two-digit key of a 13-character NIR. */
export function nirKey(nir13: string): string {
  const key = 97n - (nirNumber(nir13) % 97n)
  return key.toString().padStart(2, '0')
}

/** True when a 15-character NIR's last two characters are its key. */
export function nirKeyIsValid(nir15: string): boolean {
  return nir15.length === 15 && nirKey(nir15.slice(0, 13)) === nir15.slice(13)
}

/** The 13-character NIR, whether it was given with its key or not. */
export function nir13Of(nir: string): string {
  return nir.slice(0, 13)
}
