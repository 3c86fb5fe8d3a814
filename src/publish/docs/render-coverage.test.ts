import { describe, expect, it } from 'vitest'
import { financementsRelease } from './docs.fixture.ts'
import { NBSP } from './french.ts'
import { renderCoverage } from './render-coverage.ts'

describe('renderCoverage', () => {
  it('says when no table is cut by period, and leaves out partners when not known', () => {
    const release = {
      ...financementsRelease,
      territories: ['France entière'],
      tables: financementsRelease.tables.map((t) => ({ ...t, periods: null })),
    }
    expect(renderCoverage(release)).toBe(
      [
        '## Couverture',
        '',
        '- **Période couverte** : sans découpage par période.',
        '- **Territoires** : France entière.',
        '- **Date des données** : 31 octobre 2026 (état du hub à cette date ; publication du 30 novembre 2026).',
      ]
        .join('\n')
        .replaceAll(' :', `${NBSP}:`)
        .replaceAll(' ;', '\u202f;'),
    )
  })
})
