import { describe, expect, it } from 'vitest'
import { diffReleases } from './diff-releases.ts'
import { current, previous } from './docs.fixture.ts'

describe('diffReleases', () => {
  it('says first release when there is no previous one', () => {
    expect(diffReleases(undefined, current)).toEqual([{ kind: 'first-release' }])
  })

  it('finds measures, dimensions, partners, tables, columns, periods, totals and suppression that changed', () => {
    expect(diffReleases(previous, current)).toEqual([
      { kind: 'measure-added', measure: 'part_en_formation_6m' },
      { kind: 'measure-removed', measure: 'nb_abandons' },
      { kind: 'dimension-removed', dimension: 'organisme' },
      { kind: 'partners-changed', previous: 36, current: 38 },
      {
        kind: 'columns-added',
        table: 'sorties_region',
        columns: ['part_en_formation_6m', 'part_en_formation_6m_statut'],
      },
      {
        kind: 'periods-changed',
        table: 'sorties_region',
        previous: { first: '2024-T1', last: '2026-T2' },
        current: { first: '2024-T1', last: '2026-T3' },
      },
      {
        kind: 'total-changed',
        table: 'sorties_region',
        measure: 'nb_sorties',
        previous: 58890,
        current: 64120,
      },
      {
        kind: 'suppression-changed',
        table: 'sorties_region',
        previous: { cells: 87 / 570, count: 2 },
        current: { cells: 75 / 627, count: 1 },
      },
      { kind: 'table-removed', table: 'sorties_organisme', title: 'Sorties par organisme' },
    ])
  })

  it('names each follow-up cohort observed whole since the previous release', () => {
    const followed = (asOf: string) => ({
      ...current,
      asOf,
      tables: [],
      measures: ['nb_sorties', 'nb_connus_6m', 'nb_connus_12m'],
    })
    expect(diffReleases(followed('2026-06-29'), followed('2026-12-31'))).toEqual([
      { kind: 'cohort-observed', measure: 'nb_connus_6m', year: 2025 },
      { kind: 'cohort-observed', measure: 'nb_connus_12m', year: 2025 },
    ])
    expect(diffReleases(followed('2026-06-30'), followed('2026-12-30'))).toEqual([])
    expect(diffReleases(followed('2024-12-31'), followed('2026-12-31'))).toEqual([
      { kind: 'cohort-observed', measure: 'nb_connus_6m', year: 2024 },
      { kind: 'cohort-observed', measure: 'nb_connus_6m', year: 2025 },
      { kind: 'cohort-observed', measure: 'nb_connus_12m', year: 2024 },
      { kind: 'cohort-observed', measure: 'nb_connus_12m', year: 2025 },
    ])
    // Data that stop in 2024: the closing of 2025 has nobody in it.
    const stopping = (asOf: string) => ({
      ...followed(asOf),
      tables: [{ ...current.tables[0]!, periods: { first: '2021-T1', last: '2024-T4' } }],
    })
    expect(diffReleases(stopping('2024-12-31'), stopping('2026-12-31'))).toEqual([
      { kind: 'cohort-observed', measure: 'nb_connus_6m', year: 2024 },
      { kind: 'cohort-observed', measure: 'nb_connus_12m', year: 2024 },
    ])
  })

  it('reports new tables and removed columns, and nothing for a release identical in what it prints', () => {
    const [sorties, entrees] = current.tables
    const later = {
      ...current,
      tables: [{ ...sorties!, columns: sorties!.columns.slice(0, -2) }, entrees!],
    }
    expect(diffReleases({ ...current, tables: [sorties!] }, later)).toEqual([
      {
        kind: 'columns-removed',
        table: 'sorties_region',
        columns: ['taux_realisation', 'taux_realisation_statut'],
      },
      { kind: 'table-added', table: 'entrees_dispositif', title: 'Entrées par dispositif', rows: 264 },
    ])
    // 75 of 627 and 75 of 626 cells both print 12,0 %.
    const same = { ...sorties!, suppression: { ...sorties!.suppression, cells: 626 } }
    expect(diffReleases(current, { ...current, date: '2026-12-31', tables: [same, entrees!] })).toEqual([])
  })
})
