import { beforeAll, describe, expect, it } from 'vitest'
import type { ProtectedTable } from '../../privacy/index.ts'
import { tableFiles } from './table-files.ts'
import { DATASET, LABELS, protectFixture } from './write.fixture.ts'

let tables: ProtectedTable[]
beforeAll(async () => {
  tables = await protectFixture()
})

const [exits, funding] = DATASET.tables as [(typeof DATASET.tables)[0], (typeof DATASET.tables)[0]]

describe('tableFiles', () => {
  it('orders rows as the labels list the codes, whatever order the table comes in', () => {
    const table = tables.find((t) => t.name === funding.name)!
    const reversed = { ...table, rows: [...table.rows].reverse() }
    const labels = {
      territoire: [LABELS.territoire![0]!, ...LABELS.territoire!.slice(5), ...LABELS.territoire!.slice(1, 5)],
    }
    const files = tableFiles(funding, reversed, labels)
    if (!files.ok) throw new Error(JSON.stringify(files.issues))
    expect(files.value.csv.split('\n').map((line) => line.split(',')[0])).toEqual([
      'territoire',
      '_T',
      'R93',
      'R11',
      'R84',
      '',
    ])
  })

  it('refuses a table whose dimensions are not those of its definition', () => {
    const table = tables.find((t) => t.name === exits.name)!
    const swapped = { ...exits, dimensions: [...exits.dimensions].reverse() }
    expect(tableFiles(swapped, table, LABELS)).toEqual({
      ok: false,
      issues: [
        {
          path: 'sorties_region_sexe',
          code: 'write/dimension-mismatch',
          message: 'dimensions territoire,sexe, defined sexe,territoire',
        },
      ],
    })
  })

  it('refuses a definition naming a measure the protected rows do not have', () => {
    const table = tables.find((t) => t.name === funding.name)!
    const result = tableFiles({ ...funding, measures: [...funding.measures, 'nb_personnes'] }, table, LABELS)
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'financements_region#nb_personnes',
          code: 'write/missing-measure',
          message: 'no nb_personnes in row _T',
        },
      ],
    })
  })
})
