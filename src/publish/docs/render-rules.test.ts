import { describe, it } from 'vitest'
import type { DatasetDefinition } from '../definition/types.ts'
import { financements, financementsRelease, insertion } from './docs.fixture.ts'
import { expectGolden } from './expect-golden.ts'
import { renderRules } from './render-rules.ts'

describe('renderRules', () => {
  it('states only the rules that apply to the tables, with the parameters the dataset set, and a failed audit', () => {
    const definition: DatasetDefinition = {
      ...financements,
      rules: { minPersons: 12, rate: { minDenominator: 30 }, dominance: [{ n: 2, k: 90 }] },
      tables: [...financements.tables, insertion.tables[0]!],
    }
    const release = { ...financementsRelease, tables: [] }
    const unprotected = [{ table: 'financements_type', cell: '2026-01,REGION', value: 4, low: 3, up: 4 }]
    expectGolden(
      'rules-audit-failed.md',
      renderRules(definition, release, {
        releasesOnline: ['2026-10-31'],
        audit: { checked: 12, ok: false, unprotected },
      }),
    )
  })
})
