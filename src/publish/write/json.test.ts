import { describe, expect, it } from 'vitest'
import { tableColumns } from './columns.ts'
import { toJson } from './json.ts'

const definition = {
  name: 't',
  title: 'Titre',
  description: '',
  population: 'sorties',
  dimensions: [{ name: 'sexe' }],
  measures: ['nb_sorties'],
} as const

describe('toJson', () => {
  it('gives the table, its dimensions, typed columns and one object per row with null for empty values', () => {
    const columns = tableColumns(definition)
    const text = toJson(definition, columns, [
      ['_T', 12, 'V'],
      ['F', null, 'A'],
    ])
    expect(JSON.parse(text)).toEqual({
      table: 't',
      title: 'Titre',
      dimensions: ['sexe'],
      columns: [
        { name: 'sexe', type: 'string' },
        { name: 'nb_sorties', type: 'integer' },
        { name: 'nb_sorties_statut', type: 'string' },
      ],
      rows: [
        { sexe: '_T', nb_sorties: 12, nb_sorties_statut: 'V' },
        { sexe: 'F', nb_sorties: null, nb_sorties_statut: 'A' },
      ],
    })
    expect(text.split('\n').filter((l) => l.includes('"sexe":'))).toHaveLength(2)
  })

  it('writes an empty table as valid JSON', () => {
    expect(JSON.parse(toJson(definition, tableColumns(definition), [])).rows).toEqual([])
  })
})
