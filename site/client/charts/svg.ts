/** Small helpers to build SVG in the browser, and the hatch pattern of "secret statistique". */

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Creates an SVG element with attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Readonly<Record<string, string | number>> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value))
  return element
}

let counter = 0

/** A page-unique id for a chart's pattern (ids must not repeat when a page holds several charts). */
export function uniqueId(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}`
}

/**
 * Hatch colours, the same as the `.secret` cells of the site's tables (site.css): dark olive lines on
 * pale yellow, unlike any colour of the bars and maps, with a 3:1 contrast against each of them.
 */
export const HATCH_LINE = '#5b4a00'
export const HATCH_BACKGROUND = '#fbf4d9'

/**
 * Adds to `svg` the diagonal hatch pattern that marks suppressed cells and returns its `url(#…)`.
 * Defined inside each SVG (not in the page) so that a downloaded SVG or PNG keeps it. Pass `id` when
 * the marks that use it were drawn first (Plot).
 */
export function addHatchPattern(svg: SVGSVGElement, id = uniqueId('psl-hatch')): string {
  const pattern = svgElement('pattern', {
    id,
    width: 6,
    height: 6,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  })
  pattern.append(
    svgElement('rect', { width: 6, height: 6, fill: HATCH_BACKGROUND }),
    svgElement('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: HATCH_LINE, 'stroke-width': 1.5 }),
  )
  const defs = svgElement('defs')
  defs.append(pattern)
  svg.prepend(defs)
  return `url(#${id})`
}

/** Fill of a cell with no published row or an undefined rate: flat light grey, unlike the hatch. */
export const NO_DATA_FILL = '#ececec'
