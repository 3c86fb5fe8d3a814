import type { ReleaseEntry } from '../publish/run/release-index.ts'
import { formatDay } from './format.ts'
import { escapeAttribute, escapeHtml } from './html.ts'

/** One release in the feed, with its release notes rendered to HTML when there are some. */
export interface FeedRelease {
  readonly release: ReleaseEntry
  readonly notesHtml?: string
}

/**
 * `flux.atom`: an Atom 1.0 feed with one entry per release still online, newest first. Links are
 * relative to the feed (`xml:base` is the feed's own location), so the feed works from any host;
 * identifiers are URNs, stable whatever the host.
 */
export function renderAtomFeed(releases: readonly FeedRelease[]): string {
  const sorted = [...releases].sort((a, b) => b.release.date.localeCompare(a.release.date))
  const updated = `${sorted[0]?.release.date ?? '1970-01-01'}T00:00:00Z`
  const entries = sorted.map(({ release, notesHtml }) => {
    const list = release.datasets.map((d) => `<li>${escapeHtml(d.title)}</li>`).join('')
    const content = notesHtml ?? `<p>Données au ${escapeHtml(formatDay(release.asOf))}.</p><ul>${list}</ul>`
    return `  <entry>
    <title>Publication du ${escapeHtml(formatDay(release.date))}</title>
    <id>urn:passerelle:publication:${escapeHtml(release.date)}</id>
    <updated>${release.date}T00:00:00Z</updated>
    <link rel="alternate" type="text/html" href="catalogue/index.html"/>
    <link rel="related" type="text/markdown" href="${escapeAttribute(`releases/${release.date}/CHANGELOG.md`)}"/>
    <summary>${escapeHtml(`${release.datasets.length} jeux de données, données au ${formatDay(release.asOf)}.`)}</summary>
    <content type="html">${escapeHtml(content)}</content>
  </entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Passerelle — publications des données de la formation professionnelle</title>
  <subtitle>Chaque version datée des jeux de données ouverts</subtitle>
  <id>urn:passerelle:publications</id>
  <updated>${updated}</updated>
  <author><name>Passerelle — hub de la formation professionnelle</name></author>
  <link rel="self" type="application/atom+xml" href="flux.atom"/>
  <link rel="alternate" type="text/html" href="index.html"/>
  <rights>Licence Ouverte / Open Licence version 2.0</rights>
${entries.join('\n')}
</feed>
`
}
