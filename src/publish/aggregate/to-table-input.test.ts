import { describe, expect, it } from 'vitest'
import type { TableDefinition } from '../definition/types.ts'
import { toTableInput } from './to-table-input.ts'
import type { AggregatedTable } from './types.ts'

const table: TableDefinition = {
  name: 'sorties',
  title: 'Sorties',
  description: 'Sorties',
  population: 'sorties',
  dimensions: [{ name: 'sexe' }],
  measures: ['nb_sorties', 'nb_certifies', 'nb_resultats_connus', 'taux_obtention'],
}

const tree = [
  { code: '_T', parent: '', level: 'total' },
  { code: 'F', parent: '_T', level: 'sexe' },
  { code: 'M', parent: '_T', level: 'sexe' },
]

// Persons of the rate: one person fewer than exits on each side.
const values = (n: number, ok: number, known: number) => ({
  nb_sorties: n,
  nb_certifies: ok,
  nb_resultats_connus: known,
  personnes_certified: Math.max(ok - 1, 0),
  personnes_certification_known: known - 1,
  personnes_certification_known_sans_certified: known - ok - 1,
})

const persons = (ok: number, known: number) => ({
  personnes_certified: Math.max(ok - 1, 0),
  personnes_certification_known: known - 1,
  personnes_certification_known_sans_certified: known - ok - 1,
})

const aggregated = (codes: (string | null)[]): AggregatedTable => ({
  cells: [
    { levels: [0], codes: ['_T'], values: values(30, 5, 12) },
    ...codes.map((code, i) => ({ levels: [1], codes: [code], values: values(10 + i, i, 4 + i) })),
  ],
  observed: { sexe: codes.filter((c) => c !== null) },
})

describe('toTableInput', () => {
  it('gives the finest cells with the count as n and the other sums as measures, and the rates with their persons', () => {
    expect(toTableInput('jeu/sorties', table, aggregated(['F', 'M']), { sexe: tree })).toEqual({
      ok: true,
      issues: [],
      value: {
        name: 'jeu/sorties',
        dimensions: ['sexe'],
        population: 'sorties',
        rows: [
          { codes: ['F'], n: 10, measures: { nb_certifies: 0, nb_resultats_connus: 4 } },
          { codes: ['M'], n: 11, measures: { nb_certifies: 1, nb_resultats_connus: 5 } },
        ],
        measureNames: ['nb_certifies', 'nb_resultats_connus'],
        hierarchies: {
          sexe: [
            { code: '_T', parent: '' },
            { code: 'F', parent: '_T' },
            { code: 'M', parent: '_T' },
          ],
        },
        rates: [
          {
            numerator: 'nb_certifies',
            denominator: 'nb_resultats_connus',
            persons: {
              numerator: 'personnes_certified',
              denominator: 'personnes_certification_known',
              complement: 'personnes_certification_known_sans_certified',
            },
          },
        ],
        cellMeasures: [
          { codes: ['_T'], values: persons(5, 12) },
          { codes: ['F'], values: persons(0, 4) },
          { codes: ['M'], values: persons(1, 5) },
        ],
      },
    })
  })

  it('reports each code missing from its hierarchy once, naming table, dimension and code', () => {
    const { cells, observed } = aggregated(['F', 'X', null])
    const twice = { cells: [...cells, { levels: [1], codes: ['X'], values: values(1, 0, 0) }], observed }
    expect(toTableInput('jeu/sorties', table, twice, { sexe: tree })).toEqual({
      ok: false,
      issues: [
        {
          path: 'jeu/sorties/sexe',
          code: 'aggregate/unknown-code',
          message: 'table jeu/sorties: code X of dimension sexe is not in its hierarchy',
        },
        {
          path: 'jeu/sorties/sexe',
          code: 'aggregate/unknown-code',
          message: 'table jeu/sorties: rows without a code for dimension sexe',
        },
      ],
    })
  })
})
