/**
 * Lines of many series (18 régions by month…) as small multiples with Observable Plot: one small panel
 * per series, all on the same scales, its own line in blue over the other series in light grey, so
 * that each panel reads alone and the panels compare at a glance. Overlaid in one frame, 18 lines in 8
 * cycling colours were a tangle no reader could follow. Suppressed periods keep their hatched band.
 */
import * as Plot from '@observablehq/plot'
import type { Cell } from '../data/cells.ts'
import { formatScale, formatValue } from '../format.ts'
import { SINGLE, TEXT } from './colours.ts'
import { niceTop } from './nice-top.ts'
import { CONTEXT_GREY, PANELS_MARGIN_LEFT, panelGrid, yearTicks } from './panels.ts'
import { shortLabels } from './short-labels.ts'
import { addHatchPattern, uniqueId } from './svg.ts'

// A panel's height in pixels: room for three y ticks. Above it, its title on up to two lines of 12 px.
const PANEL_HEIGHT = 96
const TITLE_HEIGHT = 34

/**
 * Draws `cells` (x = periods in order, one series per panel) as small multiples `width` pixels wide.
 * @example renderSmallMultiples(cells, false, 960) // 18 régions: 6 columns, 3 rows
 */
export function renderSmallMultiples(cells: readonly Cell[], rate: boolean, width: number): SVGSVGElement {
  const hatchId = uniqueId('psl-hatch')
  const periods = [...new Set(cells.map((c) => c.x))]
  const labels = new Map(cells.map((c) => [c.x, c.xLabel]))
  const series = [...new Set(cells.map((c) => c.seriesLabel ?? ''))]
  const { columns, rows } = panelGrid(series.length, width)
  const place = (label: string) => {
    const s = series.indexOf(label)
    return { column: s % columns, row: Math.floor(s / columns) }
  }
  const points = cells.map((c) => ({ ...c, i: periods.indexOf(c.x), ...place(c.seriesLabel ?? '') }))
  type Point = (typeof points)[number]
  const values = points.filter((c) => c.value !== null)
  const published = new Set(values.map((c) => `${c.seriesLabel}\u0000${c.i}`))
  const isolated = values.filter(
    (c) =>
      !published.has(`${c.seriesLabel}\u0000${c.i - 1}`) &&
      !published.has(`${c.seriesLabel}\u0000${c.i + 1}`),
  )
  const top = niceTop(Math.max(0, ...values.map((c) => c.value!)) || 1)
  // A title keeps to two lines above its panel: a longer name is cut (the table has it whole).
  const panel = (width - PANELS_MARGIN_LEFT) / columns - 8
  const short = shortLabels(series, Math.floor(panel / 7) * 2 - 2)
  const titles = series.map((label) => ({ label: short.get(label) ?? label, ...place(label) }))
  const facets = { fx: 'column', fy: 'row' } as const
  const y = (c: Point) => c.value ?? Number.NaN
  const ticks = yearTicks(
    periods.map((p) => labels.get(p) ?? p),
    panel,
  )
  const svg = Plot.plot({
    width,
    height: rows * (PANEL_HEIGHT + TITLE_HEIGHT) + 44,
    marginLeft: PANELS_MARGIN_LEFT,
    marginRight: 14,
    marginTop: TITLE_HEIGHT,
    marginBottom: 44,
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: TITLE_HEIGHT / (PANEL_HEIGHT + TITLE_HEIGHT) },
    x: {
      label: null,
      domain: [-0.5, periods.length - 0.5],
      ticks: [...ticks.keys()],
      tickFormat: (i: number) => ticks.get(i) ?? '',
    },
    y: {
      label: null,
      grid: true,
      domain: [0, top],
      ticks: 3,
      tickFormat: (v: number) => formatScale(v, rate, top),
    },
    style: { fontSize: '12px', color: TEXT, background: '#ffffff' },
    marks: [
      // Suppressed periods: hatched without an outline, so that consecutive months make one band.
      Plot.rectY(
        points.filter((c) => c.state === 'secret'),
        {
          ...facets,
          x1: (c: Point) => c.i - 0.5,
          x2: (c: Point) => c.i + 0.5,
          y1: 0,
          y2: top,
          fill: `url(#${hatchId})`,
        },
      ),
      // Every other series, behind: `exclude` draws in each panel the data of all panels but its own.
      Plot.line(points, { ...facets, facet: 'exclude', x: 'i', y, z: 'seriesLabel', stroke: CONTEXT_GREY }),
      Plot.line(points, { ...facets, x: 'i', y, stroke: SINGLE, strokeWidth: 2 }),
      // A value between two unpublished periods has no line to show it: a dot does (a dot at every
      // month would bury the line).
      Plot.dot(isolated, {
        ...facets,
        x: 'i',
        y: 'value',
        fill: SINGLE,
        r: 2,
        title: (c: Point) => `${c.seriesLabel}, ${c.xLabel} : ${formatValue(c.value!, rate)}`,
      }),
      Plot.ruleY([0], { stroke: TEXT }),
      Plot.text(titles, {
        ...facets,
        text: 'label',
        frameAnchor: 'top-left',
        lineAnchor: 'bottom',
        dy: -6,
        // Wrapped to the panel's width (at hyphens too: « Provence-Alpes- / Côte d’Azur »).
        // Plot measures regular text; bold is about 15 % wider.
        lineWidth: (panel / 12) * 0.85,
        fontWeight: 600,
        fill: TEXT,
      }),
    ],
  }) as SVGSVGElement
  addHatchPattern(svg, hatchId)
  svg.classList.add('psl-small-multiples')
  return svg
}
