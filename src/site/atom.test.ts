import { describe, expect, it } from 'vitest'
import { renderAtomFeed } from './atom.ts'

describe('renderAtomFeed', () => {
  const release = (date: string) => ({
    release: { date, asOf: date, datasets: [{ slug: 'a', title: 'A <&> B' }] },
  })

  it('lists releases newest first, dates the feed by the newest, escapes every text', () => {
    const feed = renderAtomFeed([release('2026-09-01'), release('2026-10-01')])
    expect([...feed.matchAll(/<id>(urn:passerelle:publication:[^<]+)<\/id>/g)].map((m) => m[1])).toEqual([
      'urn:passerelle:publication:2026-10-01',
      'urn:passerelle:publication:2026-09-01',
    ])
    expect(feed).toContain('<updated>2026-10-01T00:00:00Z</updated>\n  <author>')
    expect(feed).toContain('&lt;li&gt;A &amp;lt;&amp;amp;&amp;gt; B&lt;/li&gt;')
    expect(feed).not.toContain('A <&> B')
  })

  it('uses the release notes when there are some', () => {
    const feed = renderAtomFeed([{ ...release('2026-10-01'), notesHtml: '<p>Nouveau</p>' }])
    expect(feed).toContain('<content type="html">&lt;p&gt;Nouveau&lt;/p&gt;</content>')
  })
})
