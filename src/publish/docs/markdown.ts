/**
 * The little Markdown the documentation writes: table cells that cannot break a table, tables,
 * and hand-written documentation fitted under the generated title.
 * @module
 */

/** A table cell: `|` escaped, line breaks folded, so that any text stays in its cell. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim()
}

/** Column alignment: numbers are right-aligned. */
export type Align = 'left' | 'right'

/**
 * A pipe table; cells are escaped here, so pass raw text (Markdown inline syntax is kept).
 * @example markdownTable(['Code', 'Libellé'], [['_T', 'Total']]) // '| Code | Libellé |\n|---|---|\n| _T | Total |'
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`
  const rule = `|${header.map((_, i) => (align[i] === 'right' ? '---:' : '---')).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

const FENCE = /^\s{0,3}(```|~~~)/
const HEADING = /^(#{1,6})(\s.*)?$/

/**
 * Hand-written documentation placed under the generated title: its own leading `#` title is
 * dropped (the generated page has one) and its headings are shifted so the highest is `##`.
 * Fenced code blocks are left alone.
 */
export function embedDocumentation(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, '\n').trim().split('\n')
  const headings: number[] = []
  let fenced = false
  lines.forEach((line, i) => {
    if (FENCE.test(line)) fenced = !fenced
    else if (!fenced && HEADING.test(line)) headings.push(i)
  })
  const first = headings[0]
  if (
    first !== undefined &&
    lines.slice(0, first).every((l) => l.trim() === '') &&
    /^#\s/.test(lines[first]!)
  ) {
    lines[first] = ''
    headings.shift()
  }
  const top = Math.min(...headings.map((i) => HEADING.exec(lines[i]!)![1]!.length))
  const shift = headings.length === 0 ? 0 : 2 - top
  for (const i of headings) {
    const [, hashes = '', rest = ''] = HEADING.exec(lines[i]!)!
    lines[i] = '#'.repeat(Math.min(6, Math.max(1, hashes.length + shift))) + rest
  }
  return lines.join('\n').trim()
}

/**
 * Splits the `## title` section out of embedded documentation: the documentation without it, and
 * its body (up to the next `##` heading or the end; empty when there is no such section). Fenced
 * code blocks are left alone.
 */
export function takeSection(markdown: string, title: string): { rest: string; body: string } {
  const lines = markdown.split('\n')
  let fenced = false
  let start = -1
  let end = lines.length
  for (const [i, line] of lines.entries()) {
    if (FENCE.test(line)) fenced = !fenced
    else if (!fenced && /^##\s/.test(line)) {
      if (start >= 0) {
        end = i
        break
      }
      if (line.slice(2).trim() === title) start = i
    }
  }
  if (start < 0) return { rest: markdown, body: '' }
  return {
    rest: [...lines.slice(0, start), ...lines.slice(end)]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    body: lines
      .slice(start + 1, end)
      .join('\n')
      .trim(),
  }
}
