import { describe, it } from 'vitest'
import { current, financementsRelease, older, previous } from './docs.fixture.ts'
import { expectGolden } from './expect-golden.ts'
import { renderReleaseNotes } from './render-release-notes.ts'

const regions = { ...older, slug: 'insertion-regions', title: 'Insertion par région' }

describe('renderReleaseNotes', () => {
  it('lists, per dataset of the release, the changes since its own previous release', () => {
    const notes = renderReleaseNotes('2026-11-30', [
      { release: current, earlier: [previous, older] },
      { release: financementsRelease, earlier: [] },
      // Nothing changed but the date of the data.
      { release: { ...regions, date: '2026-11-30', asOf: '2026-10-31' }, earlier: [regions] },
    ])
    expectGolden('release-notes.md', notes)
  })
})
