/**
 * The entry of one release in the release-level `CHANGELOG.md`: per dataset, what changed since
 * its previous release. One heading per release and per dataset, so that a feed (Atom) can take
 * each release as an entry and link to its section.
 * @module
 */
import { describeChange } from './describe-change.ts'
import { diffReleases } from './diff-releases.ts'
import { formatDate, frenchSpaces, joinFrench } from './french.ts'
import { earlierReleases } from './render-history.ts'
import type { ReleaseSummary } from './summary.ts'

/** One dataset of the release, with the summaries of its earlier releases (any order). */
export interface ReleaseNotesDataset {
  readonly release: ReleaseSummary
  readonly earlier: readonly ReleaseSummary[]
}

/**
 * Renders the changelog entry of a release (`## Publication du …`), datasets in the order given,
 * and the releases taken down with it (dates), if any.
 * @example renderReleaseNotes('2026-11-30', [{ release, earlier }], ['2026-10-01'])
 */
export function renderReleaseNotes(
  date: string,
  datasets: readonly ReleaseNotesDataset[],
  withdrawn: readonly string[] = [],
): string {
  const asOf = [...new Set(datasets.map((d) => d.release.asOf))].sort().map(formatDate)
  const parts = [`## Publication du ${formatDate(date)}`]
  // releaseNotesHeading gives this line, spaced: keep them one.
  if (asOf.length > 0) parts.push(`Données au ${joinFrench(asOf)}.`)
  if (withdrawn.length > 0)
    parts.push(
      `${withdrawn.length > 1 ? 'Publications retirées' : 'Publication retirée'} avec celle-ci, dont les fichiers ne sont plus en ligne : ${joinFrench([...withdrawn].sort().map(formatDate))}.`,
    )
  for (const { release, earlier } of datasets) {
    const previous = earlierReleases(release, earlier)[0]
    const changes = diffReleases(previous, release).map(describeChange)
    parts.push(
      `### ${release.title} (\`${release.slug}\`)`,
      (changes.length > 0 ? changes : ['Données mises à jour, sans autre changement.'])
        .map((c) => `- ${c}`)
        .join('\n'),
    )
  }
  return `${frenchSpaces(parts.join('\n\n'))}\n`
}

/** The heading of a release's entry as `renderReleaseNotes` writes it: how a later one finds it. */
export function releaseNotesHeading(date: string): string {
  return frenchSpaces(`## Publication du ${formatDate(date)}`)
}
