/**
 * A choropleth of régions or départements: published values in five classes, suppressed cells
 * hatched, territories without a published row in flat grey, the overseas territories in framed insets.
 */
import { addHatchPattern, NO_DATA_FILL, svgElement } from '../charts/svg.ts'
import type { Cell } from '../data/cells.ts'
import { formatValue, STATE_TEXT } from '../format.ts'
import type { ColourScale } from './colour.ts'
import type { MapLayout } from './insets.ts'

/**
 * Draws `layout` coloured by `cells` (matched on the territory code). Every territory of the layout is
 * drawn, with a tooltip naming it and its value or state.
 */
export function renderChoropleth(
  layout: MapLayout,
  cells: readonly Cell[],
  scale: ColourScale,
  rate: boolean,
): SVGSVGElement {
  const svg = svgElement('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    class: 'psl-map',
    'font-family': 'system-ui, sans-serif',
    'font-size': 11,
  })
  const hatch = addHatchPattern(svg)
  svg.append(svgElement('rect', { width: layout.width, height: layout.height, fill: '#ffffff' }))
  for (const box of layout.insets) {
    const frame = svgElement('g', { class: 'psl-inset' })
    frame.append(
      svgElement('rect', {
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        fill: 'none',
        stroke: '#767676',
        'stroke-width': 0.75,
      }),
    )
    const caption = svgElement('text', { x: box.x + 4, y: box.y + box.height - 4, fill: '#333333' })
    caption.textContent = box.name
    frame.append(caption)
    svg.append(frame)
  }
  const byCode = new Map(cells.map((c) => [c.x, c]))
  const shapes = svgElement('g', { stroke: '#333333', 'stroke-width': 0.5, 'stroke-linejoin': 'round' })
  for (const shape of layout.shapes) {
    const cell = byCode.get(shape.code)
    const fill =
      cell?.value != null ? scale.colour(cell.value) : cell?.state === 'secret' ? hatch : NO_DATA_FILL
    const path = svgElement('path', { d: shape.path, fill, 'data-code': shape.code })
    path.setAttribute('data-state', cell?.state ?? 'absent')
    const title = svgElement('title')
    const text =
      cell?.value != null
        ? formatValue(cell.value, rate)
        : STATE_TEXT[cell?.state === 'value' ? 'absent' : (cell?.state ?? 'absent')]
    title.textContent = `${shape.name} : ${text}`
    path.append(title)
    shapes.append(path)
  }
  svg.append(shapes)
  return svg
}
