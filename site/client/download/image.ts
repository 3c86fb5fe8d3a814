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

/**
 * `text` in lines of at most `chars` characters, cut between words: an image has no reflow, and a
 * legend note or a source line ran past its right edge.
 */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

// Average advance of a character of system-ui, in px, at the sizes used below.
const CHAR_PX = { title: 9, legend: 6.6, source: 6 } as const

function lines(
  x: number,
  y: number,
  rows: readonly string[],
  step: number,
  attributes: Record<string, string | number>,
) {
  return rows.map((row, i) => {
    const element = svgElement('text', { x, y: y + i * step, ...attributes })
    element.textContent = row
    return element
  })
}

/** Builds the standalone SVG: title, chart, legend, source. The chart's own patterns come with it. */
export function composeSvg(chart: SVGSVGElement, text: ImageText): SVGSVGElement {
  const box = chart.viewBox.baseVal
  const width = Number(chart.getAttribute('width')) || box?.width || 640
  const height = Number(chart.getAttribute('height')) || box?.height || 400
  const titleRows = wrapText(text.title, Math.floor(width / CHAR_PX.title))
  const legendRows = text.legend.map((item) =>
    wrapText(
      item.note ? `${item.label} — ${item.note}` : item.label,
      Math.floor((width - 22) / CHAR_PX.legend),
    ),
  )
  const sourceRows = wrapText(text.source, Math.floor(width / CHAR_PX.source))
  const top = MARGIN + titleRows.length * 20 + 4
  const legendHeight = legendRows.reduce((sum, rows) => sum + Math.max(20, rows.length * 16 + 4), 0)
  const total = top + height + 8 + legendHeight + sourceRows.length * 14 + 12
  const svg = svgElement('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: width + 2 * MARGIN,
    height: total,
    viewBox: `0 0 ${width + 2 * MARGIN} ${total}`,
    'font-family': 'system-ui, sans-serif',
  })
  const hatch = addHatchPattern(svg)
  svg.append(svgElement('rect', { width: width + 2 * MARGIN, height: total, fill: '#ffffff' }))
  svg.append(
    ...lines(MARGIN, MARGIN + 14, titleRows, 20, { 'font-size': 16, 'font-weight': 'bold', fill: '#1a1a1a' }),
  )
  const copy = chart.cloneNode(true) as SVGSVGElement
  copy.setAttribute('x', String(MARGIN))
  copy.setAttribute('y', String(top))
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  svg.append(copy)
  let y = top + height + 8
  text.legend.forEach((item, i) => {
    const rows = legendRows[i] ?? []
    const fill = item.fill === 'hatch' ? hatch : item.fill === 'none' ? NO_DATA_FILL : item.fill
    svg.append(
      svgElement('rect', { x: MARGIN, y, width: 14, height: 14, fill, stroke: '#333333' }),
      ...lines(MARGIN + 22, y + 11, rows, 16, { 'font-size': 12, fill: '#1a1a1a' }),
    )
    y += Math.max(20, rows.length * 16 + 4)
  })
  svg.append(...lines(MARGIN, y + 11, sourceRows, 14, { 'font-size': 11, fill: '#444444' }))
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
