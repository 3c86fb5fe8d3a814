/**
 * "Historique des versions": the changes since the previous release, and the earlier releases.
 * @module
 */
import { describeChange } from './describe-change.ts'
import { diffReleases } from './diff-releases.ts'
import { formatDate, frenchSpaces } from './french.ts'
import type { ReleaseSummary } from './summary.ts'

/** Releases before `release`, latest first. */
export function earlierReleases(
  release: ReleaseSummary,
  others: readonly ReleaseSummary[],
): ReleaseSummary[] {
  return others.filter((r) => r.date < release.date).sort((a, b) => (a.date < b.date ? 1 : -1))
}

/** The changelog section of a dataset's documentation. */
export function renderHistory(release: ReleaseSummary, others: readonly ReleaseSummary[]): string {
  const earlier = earlierReleases(release, others)
  const previous = earlier[0]
  const changes = diffReleases(previous, release).map(describeChange)
  const parts = [
    '## Historique des versions',
    `### Version du ${formatDate(release.date)}`,
    ...(previous ? [`Changements depuis la version du ${formatDate(previous.date)} :`] : []),
    (changes.length > 0 ? changes : ['Aucun changement : mêmes tables, mêmes colonnes, mêmes totaux.'])
      .map((c) => `- ${c}`)
      .join('\n'),
  ]
  if (earlier.length > 0)
    parts.push(
      '### Versions précédentes',
      earlier.map((r) => `- ${formatDate(r.date)} (données au ${formatDate(r.asOf)})`).join('\n'),
    )
  return frenchSpaces(parts.join('\n\n'))
}
