import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import type { TableDefinition } from '../definition/types.ts'
import { aggregateTable } from './aggregate-table.ts'
import { createDossierFact } from './fact-fixtures.ts'
import { toTableInput } from './to-table-input.ts'
import type { AggregatedCell } from './types.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
  // P1 has two entries in one finest cell; P2 and P3 two in different ones (one région, one
  // département); P4 only exits, twice in one cell; P5 exits without having entered.
  const certified = (ok: boolean) => ({ certifying: true, certification_known: true, certified: ok })
  const row = (person: string, entry: string | null, exit: string | null, region: string, dep: string) => ({
    person_key: person,
    entry_date: entry,
    exit_date: exit,
    res_region: region,
    res_departement: dep,
  })
  await createDossierFact(store.db, [
    { ...row('P1', '2025-01-15', null, '84', '01'), dossier_key: 'd1', planned_hours: 100 },
    { ...row('P1', '2025-02-10', null, '84', '01'), dossier_key: 'd2', planned_hours: 50 },
    { ...row('P2', '2025-03-20', null, '84', '01'), dossier_key: 'd3', planned_hours: 30 },
    { ...row('P2', '2025-04-02', null, '84', '69'), dossier_key: 'd4', planned_hours: 20 },
    { ...row('P3', '2024-11-05', null, '11', '75'), dossier_key: 'd5', planned_hours: 10 },
    {
      ...row('P4', null, '2025-05-01', '84', '01'),
      dossier_key: 'd6',
      planned_hours: 999,
      ...certified(true),
    },
    {
      ...row('P3', '2025-06-30', '2025-09-01', '11', '75'),
      dossier_key: 'd7',
      planned_hours: 5,
      ...certified(false),
    },
    { ...row('P5', null, '2024-12-15', '84', '01'), dossier_key: 'd8', abandoned: true },
    { ...row('P4', null, '2025-07-01', '84', '69'), dossier_key: 'd9', abandoned: true, certifying: true },
  ])
})
afterAll(() => store.dispose())

const table = (over: Partial<TableDefinition>): TableDefinition => ({
  name: 't',
  title: 'T',
  description: 'T',
  population: 'entrees',
  dimensions: [],
  measures: [],
  ...over,
})

describe('aggregateTable on publish_fact_dossier', () => {
  it('gives every cell at every level, with distinct persons counted at each level, entries only', async () => {
    const entries = table({
      dimensions: [
        { name: 'periode', depth: 'trimestre' },
        { name: 'territoire', depth: 'departement' },
      ],
      measures: ['nb_entrees', 'nb_personnes', 'heures_prevues'],
    })
    const cell = (
      levels: number[],
      codes: string[],
      n: number,
      persons: number,
      hours: number,
    ): AggregatedCell => ({
      levels,
      codes,
      values: { nb_entrees: n, heures_prevues: hours, nb_personnes: persons },
    })
    const result = await aggregateTable(store.db, entries)
    expect(result.cells).toEqual([
      cell([0, 0], ['_T', '_T'], 6, 3, 215),
      cell([0, 1], ['_T', 'R11'], 2, 1, 15),
      cell([0, 1], ['_T', 'R84'], 4, 2, 200),
      cell([0, 2], ['_T', 'D01'], 3, 2, 180),
      cell([0, 2], ['_T', 'D69'], 1, 1, 20),
      cell([0, 2], ['_T', 'D75'], 2, 1, 15),
      cell([1, 0], ['2024', '_T'], 1, 1, 10),
      cell([1, 0], ['2025', '_T'], 5, 3, 205),
      cell([1, 1], ['2024', 'R11'], 1, 1, 10),
      cell([1, 1], ['2025', 'R11'], 1, 1, 5),
      cell([1, 1], ['2025', 'R84'], 4, 2, 200),
      cell([1, 2], ['2024', 'D75'], 1, 1, 10),
      cell([1, 2], ['2025', 'D01'], 3, 2, 180),
      cell([1, 2], ['2025', 'D69'], 1, 1, 20),
      cell([1, 2], ['2025', 'D75'], 1, 1, 5),
      cell([2, 0], ['2024-T4', '_T'], 1, 1, 10),
      cell([2, 0], ['2025-T1', '_T'], 3, 2, 180),
      cell([2, 0], ['2025-T2', '_T'], 2, 2, 25),
      cell([2, 1], ['2024-T4', 'R11'], 1, 1, 10),
      cell([2, 1], ['2025-T1', 'R84'], 3, 2, 180),
      cell([2, 1], ['2025-T2', 'R11'], 1, 1, 5),
      cell([2, 1], ['2025-T2', 'R84'], 1, 1, 20),
      cell([2, 2], ['2024-T4', 'D75'], 1, 1, 10),
      cell([2, 2], ['2025-T1', 'D01'], 3, 2, 180),
      cell([2, 2], ['2025-T2', 'D69'], 1, 1, 20),
      cell([2, 2], ['2025-T2', 'D75'], 1, 1, 5),
    ])
    expect(result.observed).toEqual({
      periode: ['2024', '2024-T4', '2025', '2025-T1', '2025-T2'],
      territoire: ['D01', 'D69', 'D75', 'R11', 'R84'],
    })
  })

  it('cuts dimensions at their depth and counts exits only, with the inputs of the rates', async () => {
    const exits = table({
      name: 'sorties',
      population: 'sorties',
      dimensions: [
        { name: 'periode', depth: 'annee' },
        { name: 'territoire', depth: 'region' },
      ],
      measures: [
        'nb_sorties',
        'nb_abandons',
        'taux_abandon',
        'nb_sorties_certifiantes',
        'nb_resultats_connus',
        'nb_certifies',
        'taux_obtention',
        'nb_personnes',
      ],
    })
    const cells = await aggregateTable(store.db, exits)
    // sorties, abandons, certifying, known, certified; persons; the rates' persons: abandoned,
    // not abandoned, certified, result known, known and not certified (P4's two exits of 2025 in
    // R84 are one person on each side of the abandon rate).
    const values = (
      n: number,
      ab: number,
      ce: number,
      kn: number,
      ok: number,
      persons: number,
      [pa, pna, pc, pk, pkn]: number[],
    ) => ({
      nb_sorties: n,
      nb_abandons: ab,
      nb_sorties_certifiantes: ce,
      nb_resultats_connus: kn,
      nb_certifies: ok,
      nb_personnes: persons,
      personnes_abandoned: pa,
      personnes_toutes_sans_abandoned: pna,
      personnes_certified: pc,
      personnes_certification_known: pk,
      personnes_certification_known_sans_certified: pkn,
    })
    expect(cells.cells.map((c) => [c.codes.join(' '), c.values])).toEqual([
      ['_T _T', values(4, 2, 3, 2, 1, 3, [2, 2, 1, 2, 1])],
      ['_T R11', values(1, 0, 1, 1, 0, 1, [0, 1, 0, 1, 1])],
      ['_T R84', values(3, 2, 2, 1, 1, 2, [2, 1, 1, 1, 0])],
      ['2024 _T', values(1, 1, 0, 0, 0, 1, [1, 0, 0, 0, 0])],
      ['2025 _T', values(3, 1, 3, 2, 1, 2, [1, 2, 1, 2, 1])],
      ['2024 R84', values(1, 1, 0, 0, 0, 1, [1, 0, 0, 0, 0])],
      ['2025 R11', values(1, 0, 1, 1, 0, 1, [0, 1, 0, 1, 1])],
      ['2025 R84', values(2, 1, 2, 1, 1, 1, [1, 1, 1, 1, 0])],
    ])
    const tree = (codes: [string, string][]) => [
      { code: '_T', parent: '', level: 'total' },
      ...codes.map(([code, parent]) => ({ code, parent, level: 'x' })),
    ]
    const hierarchies = {
      periode: tree([
        ['2024', '_T'],
        ['2025', '_T'],
      ]),
      territoire: tree([
        ['R11', '_T'],
        ['R84', '_T'],
      ]),
    }
    const input = toTableInput('jeu/sorties', exits, cells, hierarchies)
    const sums = (ab: number, ce: number, kn: number, ok: number) => ({
      nb_abandons: ab,
      nb_sorties_certifiantes: ce,
      nb_resultats_connus: kn,
      nb_certifies: ok,
    })
    expect(input.ok && input.value.rows).toEqual([
      { codes: ['2024', 'R84'], n: 1, measures: sums(1, 0, 0, 0) },
      { codes: ['2025', 'R11'], n: 1, measures: sums(0, 1, 1, 0) },
      { codes: ['2025', 'R84'], n: 2, measures: sums(1, 2, 1, 1) },
    ])
    expect(input.ok && input.value.rates).toEqual([
      {
        numerator: 'nb_abandons',
        persons: {
          numerator: 'personnes_abandoned',
          denominator: 'nb_personnes',
          complement: 'personnes_toutes_sans_abandoned',
        },
      },
      {
        numerator: 'nb_certifies',
        denominator: 'nb_resultats_connus',
        persons: {
          numerator: 'personnes_certified',
          denominator: 'personnes_certification_known',
          complement: 'personnes_certification_known_sans_certified',
        },
      },
    ])
  })
})
