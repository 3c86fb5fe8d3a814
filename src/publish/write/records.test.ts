import { describe, expect, it } from 'vitest'
import type { ProtectedRow } from '../../privacy/index.ts'
import { measureColumns, tableColumns } from './columns.ts'
import { round, tableRecords } from './records.ts'

const columns = tableColumns({
  name: 't',
  title: 'T',
  description: '',
  population: 'sorties',
  dimensions: [{ name: 'territoire' }],
  measures: ['nb_sorties', 'heures_realisees', 'nb_abandons', 'taux_abandon', 'part_resultats_connus'],
})

const row = (
  codes: string[],
  n: number | null,
  status: ProtectedRow['status'],
  measures = {},
): ProtectedRow => ({
  codes,
  n,
  status,
  measures: {
    heures_realisees: 0,
    nb_abandons: 0,
    nb_resultats_connus: 0,
    nb_sorties_certifiantes: 0,
    ...measures,
  },
})

describe('tableRecords', () => {
  it('publishes n as the count measure, then every measure with the cell status, rates with Wilson bounds', () => {
    const rows = [
      row(['R84'], 40, 'V', {
        heures_realisees: 1234.567,
        nb_abandons: 6,
        nb_resultats_connus: 3,
        nb_sorties_certifiantes: 9,
      }),
    ]
    expect(tableRecords('t', columns, rows, 'nb_sorties')).toEqual({
      records: [['R84', 40, 'V', 1234.57, 'V', 6, 'V', 0.15, 'V', 0.0706, 0.2907, 0.3333, 'V']],
      issues: [],
    })
  })

  it('leaves every value of a suppressed cell empty, never 0, even if the row carries one', () => {
    const rows = [row(['R84'], null, 'D', { heures_realisees: 10, nb_abandons: 0 }), row(['R93'], null, 'A')]
    expect(tableRecords('t', columns, rows, 'nb_sorties').records).toEqual([
      ['R84', null, 'D', null, 'D', null, 'D', null, 'D', null, null, null, 'D'],
      ['R93', null, 'A', null, 'A', null, 'A', null, 'A', null, null, null, 'A'],
    ])
  })

  it('leaves a rate empty with status V when its denominator is 0, and publishes a zero rate as 0', () => {
    const rows = [row(['R84'], 0, 'V'), row(['R93'], 30, 'V', { nb_sorties_certifiantes: 12 })]
    expect(tableRecords('t', columns, rows, 'nb_sorties').records).toEqual([
      ['R84', 0, 'V', 0, 'V', 0, 'V', null, 'V', null, null, null, 'V'],
      ['R93', 30, 'V', 0, 'V', 0, 'V', 0, 'V', 0, 0.1135, 0, 'V'],
    ])
  })

  it('reports a measure missing from published rows once, naming the first row', () => {
    const rows = [
      { codes: ['R84'], n: 40, status: 'V', measures: { heures_realisees: 1 } },
      { codes: ['R93'], n: 40, status: 'V', measures: { heures_realisees: 1 } },
    ] as const
    expect(tableRecords('t', columns, rows, 'nb_sorties').issues).toEqual([
      { path: 't#nb_abandons', code: 'write/missing-measure', message: 'no nb_abandons in row R84' },
      {
        path: 't#nb_resultats_connus',
        code: 'write/missing-measure',
        message: 'no nb_resultats_connus in row R84',
      },
      {
        path: 't#nb_sorties_certifiantes',
        code: 'write/missing-measure',
        message: 'no nb_sorties_certifiantes in row R84',
      },
    ])
  })

  it('refuses a fractional count and a rate that is not a proportion', () => {
    const rows = [row(['R84'], 40, 'V', { nb_abandons: 41.5 })]
    expect(tableRecords('t', columns, rows, 'nb_sorties').issues).toEqual([
      { path: 't#nb_abandons', code: 'write/not-an-integer', message: '41.5 in row R84' },
      {
        path: 't#taux_abandon_ic_bas',
        code: 'write/bad-rate',
        message: 'not a proportion: 41.5/40 in row R84',
      },
      {
        path: 't#taux_abandon_ic_haut',
        code: 'write/bad-rate',
        message: 'not a proportion: 41.5/40 in row R84',
      },
    ])
  })

  it('rounds ratios of euros and hours to cents, of hours done to planned to 4 decimals', () => {
    const ratios = [...measureColumns('montant_moyen'), ...measureColumns('taux_realisation')]
    const rows = [
      {
        codes: [],
        n: 3,
        status: 'V',
        measures: { montant_engage: 1000, nb_financements: 3, heures_realisees: 200, heures_prevues: 300 },
      },
    ] as const
    expect(tableRecords('t', ratios, rows, 'nb_sorties').records).toEqual([[333.33, 'V', 0.6667, 'V']])
  })
})

describe('round', () => {
  it('keeps the given decimals and never writes −0', () => {
    expect([round(0.123456, 4), round(2.5, 0), round(-0.00001, 4), round(1234.5, 2)]).toEqual([
      0.1235, 3, 0, 1234.5,
    ])
    expect(Object.is(round(-0.00001, 4), 0)).toBe(true)
  })
})
