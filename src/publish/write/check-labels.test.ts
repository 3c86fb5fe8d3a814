import { beforeAll, describe, expect, it } from 'vitest'
import type { ProtectedTable } from '../../privacy/index.ts'
import { checkLabels } from './check-labels.ts'
import { LABELS, protectFixture } from './write.fixture.ts'

let financements: ProtectedTable
beforeAll(async () => {
  financements = (await protectFixture()).find((t) => t.name === 'financements_region')!
})

describe('checkLabels', () => {
  it('accepts labels that hold every code of the table under the same parent', () => {
    expect(checkLabels(financements, LABELS)).toEqual([])
  })

  it('names a missing hierarchy, a code without label, a code under another parent and an unknown level', () => {
    expect(checkLabels(financements, { sexe: LABELS.sexe! })).toEqual([
      {
        path: 'financements_region#territoire',
        code: 'write/missing-labels',
        message: 'no labelled hierarchy for territoire',
      },
    ])
    const territoire = [
      { code: '_T', parent: '', label: 'France', level: 'total' },
      { code: 'R11', parent: '_T', label: 'Île-de-France', level: 'region' },
      { code: 'R84', parent: 'R11', label: 'Auvergne-Rhône-Alpes', level: 'region' },
      { code: 'R93', parent: '_T', label: 'PACA', level: 'région' },
    ]
    expect(checkLabels(financements, { territoire: territoire.slice(0, 3) })).toEqual([
      {
        path: 'financements_region#territoire',
        code: 'write/hierarchy-mismatch',
        message: 'parent of R84: _T in the table, R11 in the labels',
      },
      {
        path: 'financements_region#territoire',
        code: 'write/unknown-code',
        message: 'code without a label: R93',
      },
    ])
    expect(
      checkLabels(financements, {
        territoire: [...territoire.slice(0, 2), ...LABELS.territoire!.slice(3, 4), territoire[3]!],
      }),
    ).toEqual([
      {
        path: 'financements_region#territoire',
        code: 'write/unknown-level',
        message: 'level of R93: région',
      },
    ])
  })
})
