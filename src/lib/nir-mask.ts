/**
 * NIR-shaped runs of characters in free text, masked: a NIR typed into another field (a commune,
 * an id, a property's name, a search's page) must not come back in an error message, which is
 * stored, listed on the partner's quality page and written to logs (spec/README.md: a message
 * never shows a NIR). The shape is the NIR's (sex 1, 2, 3, 7 or 8, year, month 01–12 or 20–99,
 * département with Corsica's 2A/2B, commune, order, an optional key), spaces allowed between its
 * groups, standing alone: a SIRET's 14 digits or a longer number hold no NIR.
 * @module
 */

const NIR_LIKE =
  /(?<![0-9A-Za-z])[12378]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:2[AB]|\d{2})\s?\d{3}\s?\d{3}(?:\s?\d{2})?(?![0-9])/gi

/**
 * `text` with every NIR-shaped run replaced by `[NIR]`.
 * @example maskNirs('commune "185057800608436" is not…') // 'commune "[NIR]" is not…'
 */
export function maskNirs(text: string): string {
  return text.replace(NIR_LIKE, '[NIR]')
}
