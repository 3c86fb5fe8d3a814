import { describe, expect, it } from 'vitest'
import { renderMarkdown, slugify } from './markdown.ts'

describe('renderMarkdown', () => {
  it('renders headings (shifted), paragraphs, lists and inline marks', () => {
    const html = renderMarkdown('# Titre\n\nUn *mot* et **gras**,\nsuite `code`.\n\n- un\n- deux\n', {
      headingOffset: 1,
    })
    expect(html).toBe(
      '<h2 id="titre">Titre</h2>\n<p>Un <em>mot</em> et <strong>gras</strong>, suite <code>code</code>.</p>\n<ul><li>un</li><li>deux</li></ul>',
    )
  })

  it('renders pipe tables with right-aligned numeric columns, each in a scrolling region the keyboard reaches', () => {
    const html = renderMarkdown('| Table | Cellules |\n|---|---:|\n| `t` | 12 |\n')
    expect(html).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau"><table>\n<thead><tr><th scope="col">Table</th><th scope="col" class="num">Cellules</th></tr></thead>\n<tbody>\n<tr><td><code>t</code></td><td class="num">12</td></tr>\n</tbody>\n</table></div>',
    )
  })

  it('names each table region by its heading, numbered after the first under one heading', () => {
    const table = '| a |\n|---|\n| 1 |\n'
    const names = [
      ...renderMarkdown(`${table}\n# Règles \`A\`\n\n${table}\n${table}\n## Autre\n\n${table}`).matchAll(
        /aria-label="([^"]*)"/g,
      ),
    ].map((m) => m[1])
    expect(names).toEqual(['Tableau', 'Règles A', 'Règles A, tableau 2', 'Autre'])
  })

  it('escapes every source character: no tag from the document reaches the page', () => {
    const html = renderMarkdown('<script>alert(1)</script> & <b onclick="x">b</b>\n\n`<img src=x>`')
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick="x"&gt;b&lt;/b&gt;</p>\n<p><code>&lt;img src=x&gt;</code></p>',
    )
  })

  it('rebases relative links and keeps absolute ones as text', () => {
    const html = renderMarkdown('[h](hierarchies/a.csv) [x](https://ex.org/a) [y](javascript:alert(1))', {
      linkBase: '../../datasets/d/',
    })
    expect(html).toBe(
      '<p><a href="../../datasets/d/hierarchies/a.csv">h</a> x (https://ex.org/a) y (javascript:alert(1))</p>',
    )
  })

  it('keeps heading anchors unique', () => {
    expect(renderMarkdown('## A\n\n## A\n\n## A')).toBe(
      '<h2 id="a">A</h2>\n<h2 id="a-2">A</h2>\n<h2 id="a-3">A</h2>',
    )
  })
})

describe('slugify', () => {
  it('makes ASCII anchors from French headings', () => {
    expect(slugify('Règles de confidentialité appliquées')).toBe('regles-de-confidentialite-appliquees')
  })
})
