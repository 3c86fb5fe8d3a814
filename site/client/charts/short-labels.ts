/**
 * Labels cut to the room of a chart's margin, still told apart: « Action de formation
 * conventionnée » and « Action de formation préalable au recrutement » both cut at the end read
 * « Action de formation… » on a phone. Labels whose end cut would collide keep their first and
 * last words instead (« Action…conventionnée », « Action…recrutement »).
 * @module
 */

/** Cuts `label` to `chars` characters, an ellipsis last. */
export function cutEnd(label: string, chars: number): string {
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label
}

// The whole words of `words` that fit in `room` characters, from the start or (fromEnd) the end.
function wordsWithin(words: readonly string[], room: number, fromEnd: boolean): string {
  const order = fromEnd ? [...words].reverse() : words
  const kept: string[] = []
  let length = -1
  for (const word of order) {
    if (length + 1 + word.length > room) break
    kept.push(word)
    length += 1 + word.length
  }
  return (fromEnd ? kept.reverse() : kept).join(' ')
}

/** `label` as its first and last words around an ellipsis, within `chars` characters. */
function cutMiddle(label: string, chars: number): string {
  const words = label.split(/\s+/)
  const headRoom = Math.max(1, Math.floor((chars - 1) / 3))
  const head = wordsWithin(words, headRoom, false) || label.slice(0, headRoom)
  const tailRoom = chars - 1 - head.length
  const tail = wordsWithin(words, tailRoom, true) || label.slice(label.length - tailRoom)
  return `${head}…${tail}`
}

/**
 * Each of `labels` cut to at most `chars` characters: at the end, or, where two labels would then
 * read alike, around the middle. Labels that fit are kept whole.
 * @example shortLabels(['Action de formation conventionnée', 'Action de formation préalable au recrutement'], 20)
 * // Map { … → 'Action…conventionnée', … → 'Action…recrutement' }
 */
export function shortLabels(labels: readonly string[], chars: number): Map<string, string> {
  const distinct = [...new Set(labels)]
  const ends = distinct.map((l) => cutEnd(l, chars))
  const seen = new Map<string, number>()
  for (const e of ends) seen.set(e, (seen.get(e) ?? 0) + 1)
  const out = new Map<string, string>()
  distinct.forEach((label, i) => {
    const end = ends[i]!
    out.set(label, label.length > chars && seen.get(end)! > 1 ? cutMiddle(label, chars) : end)
  })
  // Middle cuts that collide again tell nothing more: those labels keep their end cut.
  const middles = new Map<string, number>()
  for (const s of out.values()) middles.set(s, (middles.get(s) ?? 0) + 1)
  for (const [label, short] of out)
    if (middles.get(short)! > 1 && short !== label) out.set(label, cutEnd(label, chars))
  return out
}
