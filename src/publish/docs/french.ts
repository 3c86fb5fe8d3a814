/**
 * French formatting of what the documentation prints: numbers, shares, dates, lists, and the
 * non-breaking spaces French typography puts before `: ; ! ? %` and inside guillemets.
 * Written by hand rather than with `Intl` so that the output does not depend on the ICU data of
 * the Node build (the golden files must be byte-identical everywhere).
 * @module
 */
import { FRENCH_MONTHS as MONTHS } from '../../lib/months.ts'

/** No-break space (before `:` and inside « »). */
export const NBSP = '\u00a0'
/** Narrow no-break space (thousands, before `; ! ? %`). */
export const NNBSP = '\u202f'

/** A month name from its number (1–12). */
export function monthName(month: number): string {
  const name = MONTHS[month - 1]
  if (name === undefined) throw new RangeError(`invalid month: ${month}`)
  return name
}

/**
 * An integer or decimal number the French way: `12 345`, `−3`, `0,5`.
 * @example formatNumber(1234567) // '1 234 567' (narrow no-break spaces)
 */
export function formatNumber(value: number, decimals = 0): string {
  const [whole = '', fraction] = Math.abs(value).toFixed(decimals).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP)
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '−' : ''
  return sign + grouped + (fraction === undefined ? '' : `,${fraction}`)
}

/**
 * A share in [0, 1] as a percentage with one decimal; a positive share that would print as 0
 * prints `< 0,1 %` so that suppression never looks absent when it is not.
 */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.0005) return `<${NNBSP}0,1${NNBSP}%`
  return `${formatNumber(share * 100, share === 0 ? 0 : 1)}${NNBSP}%`
}

/** A signed relative change, `+18,0 %` or `−2,5 %`. */
export function formatChange(previous: number, current: number): string {
  const change = (current - previous) / previous
  return `${change >= 0 ? '+' : ''}${formatNumber(change * 100, 1)}${NNBSP}%`
}

/**
 * An ISO date (`YYYY-MM-DD`, a time may follow) as `30 novembre 2026`, `1er mars 2026`; any other
 * text is returned as given.
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!match) return iso
  const day = Number(match[3])
  return `${day === 1 ? '1er' : day} ${monthName(Number(match[2]))} ${match[1]}`
}

/** `a`, `a et b`, `a, b et c`. */
export function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`
}

/** `1 ligne`, `2 lignes` (French: 0 and 1 are singular). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${Math.abs(count) < 2 ? singular : pluralForm}`
}

/** A Markdown table's delimiter row (`| :--- | ---: |`): its colons are syntax, not punctuation. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/

/**
 * Puts the no-break spaces of French typography into text: before `:` and inside « », narrow
 * before `; ! ? %`, so that no line starts with them. Code spans and fenced blocks (between
 * backticks) and table delimiter rows are left alone.
 */
export function frenchSpaces(text: string): string {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .split('\n')
            .map((line) =>
              TABLE_DELIMITER.test(line)
                ? line
                : line
                    .replace(/ :/g, `${NBSP}:`)
                    .replace(/ ([;!?%])/g, `${NNBSP}$1`)
                    .replace(/« /g, `«${NBSP}`)
                    .replace(/ »/g, `${NBSP}»`),
            )
            .join('\n'),
    )
    .join('`')
}

/**
 * A whole percent that may be withheld (`non diffusé`); `< 1 %` when it rounds to 0 but is not
 * known to be 0 (`positive`).
 */
export function formatPercent(percent: number | null, positive: boolean): string {
  if (percent === null) return 'non diffusé'
  if (percent === 0 && positive) return `<${NNBSP}1${NNBSP}%`
  return `${formatNumber(percent)}${NNBSP}%`
}
