import { scrollRegion } from './data-table.ts'
import { escapeAttribute, escapeHtml } from './html.ts'

/**
 * A small, safe Markdown renderer for the documentation `publish` writes (headings, paragraphs,
 * lists, pipe tables, code spans, bold, italics, links). Every character of the source is escaped;
 * only the tags below are produced, so a published text cannot inject HTML or script. We write it
 * rather than add a dependency: the input is our own generated subset, and a general renderer
 * would need a sanitiser next to it.
 */
export interface MarkdownOptions {
  /** Added to heading levels (1: `#` becomes `<h2>`), so that a document fits under a page's `<h1>`. */
  readonly headingOffset?: number
  /** Prefix for relative link targets (the document's folder as seen from the page). */
  readonly linkBase?: string
}

/** A heading's anchor: lowercase ASCII words joined by `-` (`Règles appliquées` → `regles-appliquees`). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function inline(text: string, options: MarkdownOptions): string {
  const parts = text.split(/(`[^`]*`)/)
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length >= 2)
        return `<code>${escapeHtml(part.slice(1, -1))}</code>`
      let html = escapeHtml(part)
      html = html.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, target: string) => {
        const url = target.replace(/&amp;/g, '&')
        // Absolute links stay as text: the site makes no request, and links no other host, by itself.
        if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return `${label} (${escapeHtml(url)})`
        const href = url.startsWith('#') ? url : (options.linkBase ?? '') + url
        return `<a href="${escapeAttribute(href)}">${label}</a>`
      })
      html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      html = html.replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_](?=[\s).,;:!?]|$)/g, '$1<em>$2</em>')
      return html
    })
    .join('')
}

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  return trimmed.split('|').map((c) => c.trim())
}

// A wide table scrolls in its own region, which the keyboard can reach (WCAG 2.1.1, 1.4.10),
// named by the heading it comes under, and numbered after the first under one heading (a
// region's name must tell it from the others).
function table(lines: string[], options: MarkdownOptions, name: string): string {
  const head = splitRow(lines[0] ?? '')
  const aligns = splitRow(lines[1] ?? '').map((c) => (c.endsWith(':') ? ' class="num"' : ''))
  const body = lines.slice(2).map((l) => splitRow(l))
  const th = head.map((c, i) => `<th scope="col"${aligns[i] ?? ''}>${inline(c, options)}</th>`).join('')
  const rows = body
    .map(
      (cells) =>
        `<tr>${cells.map((c, i) => `<td${aligns[i] ?? ''}>${inline(c, options)}</td>`).join('')}</tr>`,
    )
    .join('\n')
  return scrollRegion(name, `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`)
}

/** Renders the Markdown subset to HTML. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const out: string[] = []
  const ids = new Set<string>()
  let section = 'Tableau'
  let tables = 0
  let i = 0
  while (i < lines.length) {
    const line = lines[i] ?? ''
    if (line.trim() === '') {
      i++
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) {
      const level = Math.min(6, (heading[1]?.length ?? 1) + (options.headingOffset ?? 0))
      const text = heading[2] ?? ''
      // Anchors stay unique in the document: a repeated heading gets `-2`, `-3`…
      const base = slugify(text.replace(/[`*]/g, '')) || 'section'
      let id = base
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
      ids.add(id)
      section = text.replace(/[`*]/g, '')
      tables = 0
      out.push(`<h${level} id="${escapeAttribute(id)}">${inline(text, options)}</h${level}>`)
      i++
      continue
    }
    if (line.startsWith('```')) {
      const code: string[] = []
      i++
      while (i < lines.length && !(lines[i] ?? '').startsWith('```')) code.push(lines[i++] ?? '')
      i++
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`)
      continue
    }
    if (line.trimStart().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      const block: string[] = []
      while (i < lines.length && (lines[i] ?? '').trimStart().startsWith('|')) block.push(lines[i++] ?? '')
      tables++
      out.push(table(block, options, tables === 1 ? section : `${section}, tableau ${tables}`))
      continue
    }
    const bullet = /^\s*([-*]|\d+\.)\s+/
    if (bullet.test(line)) {
      const ordered = /^\s*\d+\./.test(line)
      const items: string[] = []
      while (i < lines.length && (bullet.test(lines[i] ?? '') || /^\s{2,}\S/.test(lines[i] ?? ''))) {
        const current = lines[i] ?? ''
        if (bullet.test(current)) items.push(current.replace(bullet, ''))
        else items[items.length - 1] += ` ${current.trim()}`
        i++
      }
      const tag = ordered ? 'ol' : 'ul'
      out.push(`<${tag}>${items.map((item) => `<li>${inline(item, options)}</li>`).join('')}</${tag}>`)
      continue
    }
    const paragraph: string[] = []
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() !== '' &&
      !/^(#{1,6}\s|```|\s*([-*]|\d+\.)\s|\s*\|)/.test(lines[i] ?? '')
    )
      paragraph.push((lines[i++] ?? '').trim())
    if (paragraph.length === 0) paragraph.push((lines[i++] ?? '').trim())
    out.push(`<p>${inline(paragraph.join(' '), options)}</p>`)
  }
  return out.join('\n')
}
