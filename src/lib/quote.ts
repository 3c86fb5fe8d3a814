/**
 * A value as a finding quotes it: JSON (strings in double quotes, so that an empty or spaced value
 * shows), cut to 40 characters so that no message carries a whole body.
 */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
