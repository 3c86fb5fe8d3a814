/**
 * "Couverture": periods, territories, date of the data, cohorts followed up and partners of a
 * release.
 * @module
 */
import { formatDate, formatNumber, frenchSpaces, joinFrench } from './french.ts'
import { formatRange, unionRange } from './periods.ts'
import { followUpLines } from './render-follow-up.ts'
import type { ReleaseSummary } from './summary.ts'

/**
 * The coverage section of a dataset's documentation: `intro`, the dataset's own words on what it
 * covers (its hand-written "Couverture"), then this release's periods, territories, dates.
 */
export function renderCoverage(release: ReleaseSummary, intro = ''): string {
  const range = unionRange(release.tables.map((t) => t.periods))
  const lines = [
    range
      ? `**Période couverte** : ${formatRange(range)} (codes \`${range.first}\` à \`${range.last}\`).`
      : '**Période couverte** : sans découpage par période.',
    `**Territoires** : ${joinFrench(release.territories)}.`,
    `**Date des données** : ${formatDate(release.asOf)} (état du hub à cette date ; publication du ${formatDate(release.date)}).`,
    ...followUpLines(release.measures, release.asOf),
    ...(release.partners === undefined
      ? []
      : [`**Partenaires contributeurs** : ${formatNumber(release.partners)}.`]),
  ]
  const list = frenchSpaces(lines.map((l) => `- ${l}`).join('\n'))
  return ['## Couverture', ...(intro === '' ? [] : [intro]), list].join('\n\n')
}
