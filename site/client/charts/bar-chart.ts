/**
 * Horizontal bars with Observable Plot (labels of dispositifs and territories are long, so categories
 * go down the side): one bar per cell, grouped by series, the 95 % interval as a black rule, suppressed
 * cells as a short hatched mark labelled "secret" (as long as its word: a bar of the axis's length read
 * as the largest value), cells without data labelled as such.
 */
import * as Plot from '@observablehq/plot'
import type { Cell } from '../data/cells.ts'
import { formatScale, formatValue, STATE_TEXT } from '../format.ts'
import { MUTED, SINGLE, TEXT } from './colours.ts'
import { seriesKeys } from './legend.ts'
import { niceTop } from './nice-top.ts'
import { shortLabels } from './short-labels.ts'
import { addHatchPattern, HATCH_LINE, uniqueId } from './svg.ts'

// The room of the word "secret" in bold at 12 px, and of a value right of its bar.
const SECRET_PX = 52

/** Draws `cells` as horizontal bars; `width` is the room the page gives the chart. */
export function renderBars(cells: readonly Cell[], rate: boolean, width: number): SVGSVGElement {
  const hatchId = uniqueId('psl-hatch')
  const keys = seriesKeys(cells)
  const colourOf = new Map(keys.map((k) => [k.label, k.colour]))
  const grouped = keys.length > 0
  const values = cells.filter((c) => c.value !== null)
  const top = niceTop(Math.max(0, ...values.map((c) => c.high ?? c.value!)) || 1)
  const domain = [...new Set(cells.map((c) => (grouped ? c.seriesLabel! : c.xLabel)))]
  const y = (c: Cell) => (grouped ? c.seriesLabel : c.xLabel)
  const fy = grouped ? (c: Cell) => c.xLabel : undefined
  // Grouped bars name their category on the left (fy) and their series by colour (the legend).
  // Labels take at most 40 % of the width, cut to fit: on a phone the bars keep the rest.
  const longest = Math.max(...cells.map((c) => Math.min(42, c.xLabel.length)), 4)
  const marginLeft = Math.min(310, 12 + longest * 7, Math.round(width * 0.4))
  const marginRight = width < 480 ? 56 : 70
  const chars = Math.min(42, Math.max(6, Math.floor((marginLeft - 12) / 7)))
  const shortOf = shortLabels(
    cells.map((c) => c.xLabel),
    chars,
  )
  const short = (label: string) => shortOf.get(label) ?? label
  const secretEnd = top * Math.min(1, SECRET_PX / Math.max(1, width - marginLeft - marginRight))
  const row = 22
  const label = (c: Cell) =>
    c.value !== null ? formatValue(c.value, rate) : STATE_TEXT[c.state === 'value' ? 'absent' : c.state]
  // A rate on an empty base has no bar: "n.d." in its place says so (the legend says what it means).
  const undefinedRates = cells.filter((c) => c.state === 'undefined')
  const withInterval = values.filter((c) => c.low !== null && c.high !== null)
  const secrets = cells.filter((c) => c.state === 'secret')
  const missing = cells.filter((c) => c.state === 'absent' || c.state === 'undefined')
  const svg = Plot.plot({
    width,
    height: cells.length * row + 40 + (grouped ? new Set(cells.map((c) => c.xLabel)).size * 8 : 0),
    marginLeft,
    marginRight,
    ...(grouped
      ? {
          fy: {
            label: null,
            axis: 'left' as const,
            tickFormat: short,
            // Hierarchy order (as in the table), not Plot's alphabetical default.
            domain: [...new Set(cells.map((c) => c.xLabel))],
          },
        }
      : {}),
    x: { label: null, grid: true, domain: [0, top], tickFormat: (v: number) => formatScale(v, rate, top) },
    y: { label: null, domain, tickFormat: short, ...(grouped ? { axis: null } : {}) },
    style: { fontSize: '12px', color: TEXT, background: '#ffffff' },
    marks: [
      Plot.barX(secrets, {
        y,
        fy,
        x1: 0,
        x2: secretEnd,
        fill: `url(#${hatchId})`,
        stroke: HATCH_LINE,
        strokeWidth: 0.5,
      }),
      Plot.barX(values, {
        y,
        fy,
        x: 'value',
        fill: grouped ? (c: Cell) => colourOf.get(c.seriesLabel!) : SINGLE,
        title: (c: Cell) => `${c.xLabel}${c.seriesLabel ? `, ${c.seriesLabel}` : ''} : ${label(c)}`,
      }),
      Plot.ruleY(withInterval, { y, fy, x1: 'low', x2: 'high', stroke: TEXT, strokeWidth: 1.5 }),
      Plot.text(values, {
        y,
        fy,
        x: (c: Cell) => c.high ?? c.value,
        text: label,
        dx: 4,
        textAnchor: 'start',
        fill: TEXT,
      }),
      Plot.text(undefinedRates, {
        y,
        fy,
        x: 0,
        text: () => 'n.d.',
        dx: 4,
        textAnchor: 'start',
        fill: TEXT,
        title: (c: Cell) => `${c.xLabel}${c.seriesLabel ? `, ${c.seriesLabel}` : ''} : ${label(c)}`,
      }),
      Plot.text(secrets, {
        y,
        fy,
        x: 0,
        text: () => 'secret',
        dx: 4,
        textAnchor: 'start',
        fill: TEXT,
        stroke: '#ffffff',
        strokeWidth: 4,
        fontWeight: 'bold',
      }),
      Plot.text(missing, {
        y,
        fy,
        x: 0,
        text: label,
        dx: 4,
        textAnchor: 'start',
        fill: MUTED,
        fontStyle: 'italic',
      }),
      Plot.ruleX([0], { stroke: TEXT }),
    ],
  }) as SVGSVGElement
  addHatchPattern(svg, hatchId)
  return svg
}
