import { describe, expect, it } from 'vitest'
import { failureReport } from './publish.ts'

describe('failureReport', () => {
  it('lists every issue, and names --withdraw when a release still online is the cause', () => {
    const narrowed = {
      path: 'financements/financements_region_dispositif',
      code: 'disclosure/narrowed-by-release-online',
      message:
        'no suppression pattern protects the amount of cell R84/CPF: amounts a release still online published narrow it, whatever this one hides (withdraw that release, or publish into another folder)',
    }
    expect(failureReport([narrowed], ['2026-10-01', '2026-11-01']).split('\n')).toEqual([
      'publication failed, nothing written:',
      `financements/financements_region_dispositif: disclosure/narrowed-by-release-online ${narrowed.message}`,
      'hint: --withdraw DATE takes a release still online down with this one (its files may have been downloaded already); online: 2026-10-01, 2026-11-01',
    ])
  })

  it('gives no hint when no release online is the cause', () => {
    const order = {
      path: 'date',
      code: 'release/out-of-order',
      message: 'release date 2026-10-15 is before the latest release online, 2026-11-01',
    }
    expect(failureReport([order], ['2026-11-01'])).toBe(
      'publication failed, nothing written:\ndate: release/out-of-order release date 2026-10-15 is before the latest release online, 2026-11-01',
    )
  })
})
