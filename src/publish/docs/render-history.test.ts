import { describe, expect, it } from 'vitest'
import { current, older, previous } from './docs.fixture.ts'
import { NBSP } from './french.ts'
import { earlierReleases, renderHistory } from './render-history.ts'

describe('renderHistory', () => {
  it('takes as previous release the latest before this one, whatever the order given, and ignores later ones', () => {
    const later = { ...current, date: '2026-12-31' }
    expect(earlierReleases(current, [older, later, previous, current]).map((r) => r.date)).toEqual([
      '2026-10-31',
      '2026-09-30',
    ])
  })

  it('says so when nothing changed since the previous release', () => {
    const again = { ...older, date: '2026-10-15', asOf: '2026-09-15' }
    expect(renderHistory(again, [older])).toBe(
      [
        '## Historique des versions',
        '### Version du 15 octobre 2026',
        'Changements depuis la version du 30 septembre 2026 :',
        '- Aucun changement : mêmes tables, mêmes colonnes, mêmes totaux.',
        '### Versions précédentes',
        '- 30 septembre 2026 (données au 31 août 2026)',
      ]
        .join('\n\n')
        .replaceAll(' :', `${NBSP}:`),
    )
  })
})
