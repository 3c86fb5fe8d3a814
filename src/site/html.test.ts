import { describe, expect, it } from 'vitest'
import { jsonAttribute } from './html.ts'

describe('jsonAttribute', () => {
  it('keeps double quotes and escapes what could end a single-quoted attribute or open a tag', () => {
    const value = { title: "Provence-Alpes-Côte d'Azur", note: 'a < b & "c"' }
    const attribute = jsonAttribute(value)
    expect(attribute).toBe('{"title":"Provence-Alpes-Côte d&#39;Azur","note":"a &lt; b &amp; \\"c\\""}')
    const decoded = attribute.replace(
      /&#39;|&lt;|&gt;|&amp;/g,
      (e) => ({ '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' })[e]!,
    )
    expect(JSON.parse(decoded)).toEqual(value)
  })
})
