import { beforeAll, describe, expect, it } from 'vitest'
import type { ProtectedTable } from '../../privacy/index.ts'
import { datasetFiles } from './dataset-files.ts'
import { DATASET, LABELS, protectFixture } from './write.fixture.ts'

let tables: ProtectedTable[]
beforeAll(async () => {
  tables = await protectFixture()
})

describe('datasetFiles', () => {
  it('writes CSV, JSON and Parquet per table, a hierarchy per dimension and the descriptor, in that order', () => {
    const files = datasetFiles(DATASET, tables, LABELS)
    if (!files.ok) throw new Error(JSON.stringify(files.issues))
    expect(files.value.map((f) => f.path)).toEqual([
      'sorties_region_sexe.csv',
      'sorties_region_sexe.json',
      'sorties_region_sexe.parquet',
      'financements_region.csv',
      'financements_region.json',
      'financements_region.parquet',
      'hierarchies/territoire.csv',
      'hierarchies/sexe.csv',
      'datapackage.json',
    ])
  })

  it('ignores protected tables of other datasets and reports a defined table that was not protected', () => {
    const one = { ...DATASET, tables: DATASET.tables.slice(1) }
    expect(datasetFiles(one, tables, LABELS).ok).toBe(true)
    expect(datasetFiles(DATASET, tables.slice(1), LABELS)).toEqual({
      ok: false,
      issues: [
        {
          path: 'sorties-test/sorties_region_sexe',
          code: 'write/missing-table',
          message: 'no protected table sorties_region_sexe',
        },
      ],
    })
  })

  it('is deterministic: the same input gives the same bytes', () => {
    const a = datasetFiles(DATASET, tables, LABELS)
    const b = datasetFiles(DATASET, tables, LABELS)
    expect(a).toEqual(b)
  })
})
