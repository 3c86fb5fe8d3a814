/**
 * The chart as a standalone image: its SVG under its title, with the legend (hatch included) and the
 * source below, as one SVG file or drawn on a canvas for a PNG.
 */
import type { LegendItem } from '../charts/legend.ts'
import { addHatchPattern, NO_DATA_FILL, svgElement } from '../charts/svg.ts'

export interface ImageText {
  readonly title: string
  readonly source: string
  readonly legend: readonly LegendItem[]
}

const MARGIN = 12

/** Builds the standalone SVG: title, chart, legend, source. The chart's own patterns come with it. */
export function composeSvg(chart: SVGSVGElement, text: ImageText): SVGSVGElement {
  const box = chart.viewBox.baseVal
  const width = Number(chart.getAttribute('width')) || box?.width || 640
  const height = Number(chart.getAttribute('height')) || box?.height || 400
  const legendRows = text.legend.length
  const total = MARGIN + 24 + height + legendRows * 20 + 30
  const svg = svgElement('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: width + 2 * MARGIN,
    height: total,
    viewBox: `0 0 ${width + 2 * MARGIN} ${total}`,
    'font-family': 'system-ui, sans-serif',
  })
  const hatch = addHatchPattern(svg)
  svg.append(svgElement('rect', { width: width + 2 * MARGIN, height: total, fill: '#ffffff' }))
  const title = svgElement('text', {
    x: MARGIN,
    y: MARGIN + 14,
    'font-size': 16,
    'font-weight': 'bold',
    fill: '#1a1a1a',
  })
  title.textContent = text.title
  const copy = chart.cloneNode(true) as SVGSVGElement
  copy.setAttribute('x', String(MARGIN))
  copy.setAttribute('y', String(MARGIN + 24))
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  svg.append(title, copy)
  text.legend.forEach((item, i) => {
    const y = MARGIN + 24 + height + 8 + i * 20
    const fill = item.fill === 'hatch' ? hatch : item.fill === 'none' ? NO_DATA_FILL : item.fill
    const label = svgElement('text', { x: MARGIN + 22, y: y + 11, 'font-size': 12, fill: '#1a1a1a' })
    label.textContent = item.note ? `${item.label} — ${item.note}` : item.label
    svg.append(svgElement('rect', { x: MARGIN, y, width: 14, height: 14, fill, stroke: '#333333' }), label)
  })
  const source = svgElement('text', { x: MARGIN, y: total - 10, 'font-size': 11, fill: '#444444' })
  source.textContent = text.source
  svg.append(source)
  return svg
}

/** The SVG as a file's text. */
export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`
}

/** Draws the SVG on a canvas at twice its size (sharp on high-density screens) and encodes a PNG. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const width = Number(svg.getAttribute('width'))
  const height = Number(svg.getAttribute('height'))
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.width = width
    image.height = height
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('cannot draw the chart as an image'))
      image.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = width * 2
    canvas.height = height * 2
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2D canvas in this browser')
    context.scale(2, 2)
    context.drawImage(image, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('cannot encode the PNG'))),
        'image/png',
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
