/**
 * The layout of small multiples (`small-multiples.ts`), apart from Plot so that the chart code that
 * chooses between one frame and panels does not load Plot, and so that it is tested without a DOM.
 * @module
 */
import type { Cell } from '../data/cells.ts'

/**
 * Beyond this many series, lines get a panel each: past five, overlaid lines cross into a tangle and
 * their colours (eight, then repeated) no longer tell them apart; 18 régions by month were unreadable.
 */
export const MAX_OVERLAID_LINES = 5

/** The other series behind each panel's line: context, not data to read (the table has the values). */
export const CONTEXT_GREY = '#c9cdd2'

/** A panel's least width in pixels: room for a line over a few years. */
export const PANEL_WIDTH = 130

/** The left margin of the panels' grid, where the shared y axis is. */
export const PANELS_MARGIN_LEFT = 52

// The least room between two labels of years (« 2024 » is about 30 px at 12 px).
const TICK_SPACING = 40

/** True when `cells` have too many series to overlay their lines in one frame. */
export function wantsSmallMultiples(cells: readonly Cell[]): boolean {
  return new Set(cells.flatMap((c) => (c.seriesLabel ? [c.seriesLabel] : []))).size > MAX_OVERLAID_LINES
}

/**
 * The grid of `count` panels in a chart `width` pixels wide: as many columns as fit at
 * {@link PANEL_WIDTH} (at least one, at most `count`), rows to hold the rest.
 * @example panelGrid(18, 335) // { columns: 2, rows: 9 } (a 375 px phone); at 960 px: 6 columns, 3 rows
 */
export function panelGrid(count: number, width: number): { columns: number; rows: number } {
  const columns = Math.max(1, Math.min(count, Math.floor((width - PANELS_MARGIN_LEFT) / PANEL_WIDTH)))
  return { columns, rows: Math.ceil(count / columns) }
}

/**
 * The x ticks of a panel `room` pixels wide over periods labelled `labels`: the first period of each
 * year, labelled by its year, every other (third…) year when they would touch, the last year always.
 * A panel is too narrow for « janvier 2024 » at each tick. Labels without a year: the first and the
 * last, whole.
 * @example yearTicks(['décembre 2024', 'janvier 2025', 'février 2025'], 150) // Map { 0 → '2024', 1 → '2025' }
 */
export function yearTicks(labels: readonly string[], room: number): Map<number, string> {
  const years = labels.map((l) => /\b\d{4}\b/.exec(l)?.[0])
  if (years.some((y) => y === undefined))
    return new Map([0, labels.length - 1].map((i) => [i, labels[i] ?? '']))
  const starts = years.flatMap((y, i) => (i === 0 || y !== years[i - 1] ? [i] : []))
  const step = Math.max(1, Math.ceil((TICK_SPACING * starts.length) / Math.max(1, room)))
  // Counted from the last year, which always has its tick: the latest, the one a reader looks for.
  const kept = starts.filter((_, k) => (starts.length - 1 - k) % step === 0)
  return new Map(kept.map((i) => [i, years[i]!]))
}
