/**
 * A line over periods with Observable Plot: one line per series, a dot per published value, the 95 %
 * interval as a vertical rule, a hatched band at a period whose value is suppressed (so that the gap in
 * the line is explained, never mistaken for missing data).
 */
import * as Plot from '@observablehq/plot'
import type { Cell } from '../data/cells.ts'
import { formatScale, formatValue, STATE_TEXT } from '../format.ts'
import { SINGLE, TEXT } from './colours.ts'
import { seriesKeys } from './legend.ts'
import { niceTop } from './nice-top.ts'
import { addHatchPattern, HATCH_LINE, uniqueId } from './svg.ts'

/** Draws `cells` (x = periods in order) as lines. */
export function renderLine(cells: readonly Cell[], rate: boolean, width: number): SVGSVGElement {
  const hatchId = uniqueId('psl-hatch')
  const periods = [...new Set(cells.map((c) => c.x))]
  const labels = new Map(cells.map((c) => [c.x, c.xLabel]))
  const colourOf = new Map(seriesKeys(cells).map((k) => [k.label, k.colour]))
  const colour = (c: Cell) => (c.seriesLabel ? colourOf.get(c.seriesLabel) : SINGLE)
  const points = cells.map((c) => ({ ...c, i: periods.indexOf(c.x) }))
  type Point = (typeof points)[number]
  const values = points.filter((c) => c.value !== null)
  const top = niceTop(Math.max(0, ...values.map((c) => c.high ?? c.value!)) || 1)
  const secrets = points.filter((c) => c.state === 'secret')
  const every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(width / 70))))
  const svg = Plot.plot({
    width,
    height: 320,
    marginLeft: 60,
    // Room for the second line of a partial last period, `(jusqu’au 30 septembre)`, centred on its tick.
    marginRight: (labels.get(periods[periods.length - 1] ?? '') ?? '').includes(' (') ? 78 : 30,
    marginBottom: 48,
    x: {
      label: null,
      domain: [-0.5, periods.length - 0.5],
      // Counted from the last period, which always has its label: the latest, often partial, one.
      ticks: periods.map((_, i) => i).filter((i) => (periods.length - 1 - i) % every === 0),
      // A partial period's label, `2026 (jusqu’au 30 septembre)`, on two lines under its tick.
      tickFormat: (i: number) => (labels.get(periods[i] ?? '') ?? '').replace(' (', '\n('),
    },
    y: { label: null, grid: true, domain: [0, top], tickFormat: (v: number) => formatScale(v, rate, top) },
    style: { fontSize: '12px', color: TEXT, background: '#ffffff' },
    marks: [
      Plot.rectY(secrets, {
        x1: (c: Point) => c.i - 0.3,
        x2: (c: Point) => c.i + 0.3,
        y1: 0,
        y2: top,
        fill: `url(#${hatchId})`,
        stroke: HATCH_LINE,
        strokeWidth: 0.5,
      }),
      Plot.ruleX(
        values.filter((c) => c.low !== null && c.high !== null),
        { x: 'i', y1: 'low', y2: 'high', stroke: colour, strokeWidth: 1.5 },
      ),
      Plot.line(points, {
        x: 'i',
        y: (c: Point) => c.value ?? Number.NaN,
        z: (c: Point) => c.series ?? '',
        stroke: colour,
        strokeWidth: 2,
      }),
      Plot.dot(values, {
        x: 'i',
        y: 'value',
        fill: colour,
        r: 3.5,
        title: (c: Point) =>
          `${c.xLabel}${c.seriesLabel ? `, ${c.seriesLabel}` : ''} : ${c.value === null ? STATE_TEXT.absent : formatValue(c.value, rate)}`,
      }),
      Plot.ruleY([0], { stroke: TEXT }),
    ],
  }) as SVGSVGElement
  addHatchPattern(svg, hatchId)
  return svg
}
