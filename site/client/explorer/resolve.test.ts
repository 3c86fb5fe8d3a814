import { describe, expect, it } from 'vitest'
import type { TableInfo } from '../data/datapackage.ts'
import { chartKinds, resolveState } from './resolve.ts'

const table: TableInfo = {
  name: 'insertion_departement',
  title: 'Insertion par département',
  json: 'insertion_departement.json',
  dimensions: [
    { name: 'periode', title: 'Période' },
    { name: 'territoire', title: 'Territoire' },
  ],
  measures: [
    { name: 'nb_sorties', title: 'Sorties' },
    { name: 'taux_emploi_6m', title: 'Taux', unit: 'proportion' },
  ],
}
const facts = {
  levels: new Map([
    ['periode', ['annee']],
    ['territoire', ['region', 'departement']],
  ]),
  codes: new Map([
    ['periode', new Set(['_T', '2024', '2025'])],
    ['territoire', new Set(['_T', 'R84', 'D01'])],
  ]),
  codeLevels: new Map([
    [
      'territoire',
      new Map([
        ['R84', 'region'],
        ['D01', 'departement'],
      ]),
    ],
  ]),
}

describe('resolveState', () => {
  it('completes an empty state with the first measure, a territorial breakdown at its top level, bars', () => {
    expect(resolveState({ filters: {} }, 'insertion', table, facts)).toEqual({
      dataset: 'insertion',
      table: 'insertion_departement',
      measure: 'nb_sorties',
      breakdown: 'territoire',
      level: 'region',
      chart: 'bar',
      kinds: ['bar', 'map'],
      filters: {},
    })
  })

  it('keeps valid choices and drops filters on unknown codes, unknown dimensions and the breakdown', () => {
    const resolved = resolveState(
      {
        measure: 'taux_emploi_6m',
        breakdown: 'territoire',
        level: 'departement',
        chart: 'map',
        filters: { periode: '2025', territoire: 'R84', sexe: 'F', autre: 'x' },
      },
      'insertion',
      table,
      facts,
    )
    expect([resolved.measure, resolved.level, resolved.chart, resolved.filters]).toEqual([
      'taux_emploi_6m',
      'departement',
      'map',
      { periode: '2025' },
    ])
  })

  it('keeps a région around a bar chart of départements, not around a map nor at the same level', () => {
    const wanted = (chart: 'bar' | 'map', level: string, code: string) =>
      resolveState(
        { breakdown: 'territoire', level, chart, filters: { territoire: code } },
        'i',
        table,
        facts,
      ).filters
    expect([
      wanted('bar', 'departement', 'R84'),
      wanted('map', 'departement', 'R84'),
      wanted('bar', 'region', 'R84'),
      wanted('bar', 'departement', 'D01'),
    ]).toEqual([{ territoire: 'R84' }, {}, {}, {}])
  })

  it('replaces a chart kind the breakdown does not allow (a map of periods) by its default', () => {
    const resolved = resolveState({ breakdown: 'periode', chart: 'map', filters: {} }, 'i', table, facts)
    expect([resolved.chart, resolved.kinds]).toEqual(['line', ['bar', 'line']])
  })
})

describe('series compared side by side', () => {
  it('keeps a series on another dimension, drops its filter, and offers no map with it', () => {
    const resolved = resolveState(
      { breakdown: 'territoire', series: 'periode', chart: 'map', filters: { periode: '2025' } },
      'i',
      table,
      facts,
    )
    expect([resolved.series, resolved.filters, resolved.kinds, resolved.chart]).toEqual([
      'periode',
      {},
      ['bar'],
      'bar',
    ])
  })

  it('drops a series on the breakdown itself or on an unknown dimension', () => {
    const series = (s: string) =>
      resolveState({ breakdown: 'territoire', series: s, filters: {} }, 'i', table, facts).series
    expect([series('territoire'), series('sexe')]).toEqual([undefined, undefined])
  })
})

describe('chartKinds', () => {
  it('offers a map for régions and départements only', () => {
    expect([
      chartKinds('territoire', 'region'),
      chartKinds('territoire', 'commune'),
      chartKinds('dispositif', 'dispositif'),
    ]).toEqual([['bar', 'map'], ['bar'], ['bar']])
  })
})
