/**
 * Colours of bars and lines. Each has at least a 3:1 contrast with the white background (WCAG 1.4.11,
 * graphical objects); value labels are written in near-black text, not in these colours.
 */
export const SINGLE = '#1f5f9e'

export const SERIES_COLOURS = [
  '#1f5f9e',
  '#b3470f',
  '#2e7d32',
  '#7b1fa2',
  '#00696f',
  '#8d6e00',
  '#c2185b',
  '#455a64',
] as const

/** The colour of the i-th series (cycling when there are more series than colours). */
export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length]!
}

/** Text colour on the white background (contrast 17:1). */
export const TEXT = '#1a1a1a'
/** Secondary text, e.g. "pas de donnée" (contrast 7:1). */
export const MUTED = '#555555'
