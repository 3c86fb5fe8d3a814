/**
 * Escaping helpers for the HTML the site build writes. Every value that comes from a published file
 * (labels, codes, documentation) goes through one of these before it reaches a page.
 */

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
const ATTRIBUTE: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for an HTML text node.
 * @example escapeHtml('a < b & c') // 'a &lt; b &amp; c'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => TEXT[c] ?? c)
}

/**
 * Escapes text for a quoted attribute value (single or double quotes).
 * @example `<a title="${escapeAttribute('dit "oui"')}">`
 */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ATTRIBUTE[c] ?? c)
}

const SINGLE_QUOTED: Record<string, string> = { ...TEXT, "'": '&#39;' }

/**
 * JSON for a single-quoted attribute (`data-spec='…'`): `&`, `<`, `>` and `'` escaped, double quotes
 * kept — JSON is full of them, and `&quot;` would make the attribute half as long again.
 * @example `<figure data-spec='${jsonAttribute({ title: "l'emploi" })}'>` // data-spec='{"title":"l&#39;emploi"}'
 */
export function jsonAttribute(value: unknown): string {
  return JSON.stringify(value).replace(/[&<>']/g, (c) => SINGLE_QUOTED[c] ?? c)
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is escaped so that no `</script>` or
 * `<!--` in a string can end the element early.
 */
export function jsonForScript(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/</g, '\\u003c')
}

/** Joins the parts of a page that are present (skips `false`, `null`, `undefined`, `''`). */
export function join(parts: readonly (string | false | null | undefined)[], separator = '\n'): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(separator)
}
