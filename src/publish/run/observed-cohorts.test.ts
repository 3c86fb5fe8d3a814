import { describe, expect, it } from 'vitest'
import type { TableInput } from '../../privacy/index.ts'
import type { TableDefinition } from '../definition/types.ts'
import {
  byInternalPeriods,
  observedCellOf,
  observedCohortCells,
  pooledCohorts,
  withInternalPeriods,
  withObservedCohorts,
} from './observed-cohorts.ts'

describe('pooledCohorts', () => {
  const years = ['2023', '2024', '2025', '2026']

  it('names a node for several observed cohorts, the year for one, none or all otherwise', () => {
    // On 2026-09-30, 2025 is observed at 6 months (30 June 2026), 2024 at 12 (31 December 2025).
    expect(pooledCohorts(years, 6, '2026-09-30')).toEqual({ kind: 'cell', code: '_O2025', internal: true })
    expect(pooledCohorts(years, 12, '2026-09-30')).toEqual({ kind: 'cell', code: '_O2024', internal: true })
    expect(pooledCohorts(['2024', '2025', '2026'], 12, '2026-09-30')).toEqual({
      kind: 'cell',
      code: '2024',
      internal: false,
    })
    expect(pooledCohorts(['2025', '2026'], 12, '2026-09-30')).toEqual({ kind: 'none' })
    expect(pooledCohorts(['2023', '2024'], 6, '2026-09-30')).toEqual({ kind: 'all' })
  })
})

/** An insertion table by cohort and région as toTableInput gives it (persons by name as plan.ts). */
function insertion(): TableInput {
  const years = ['2023', '2024', '2025', '2026']
  const persons = (periode: string, region: string) => ({
    codes: [periode, region],
    values: { nb_personnes: 90, personnes_emp6_known: 60, personnes_emp6_salaried: 30, sans6: 30 },
  })
  return {
    name: 'insertion/t',
    dimensions: ['periode', 'territoire'],
    population: 'sorties',
    hierarchies: {
      periode: [{ code: '_T', parent: '' }, ...years.map((code) => ({ code, parent: '_T' }))],
      territoire: [
        { code: '_T', parent: '' },
        { code: 'R1', parent: '_T' },
      ],
    },
    rows: years.map((y) => ({ codes: [y, 'R1'], n: 30, measures: { nb_connus_6m: y === '2026' ? 0 : 30 } })),
    measureNames: ['nb_connus_6m', 'nb_emploi_6m'],
    rates: [
      {
        numerator: 'nb_emploi_6m',
        denominator: 'nb_connus_6m',
        persons: {
          numerator: 'personnes_emp6_salaried',
          denominator: 'personnes_emp6_known',
          complement: 'sans6',
        },
      },
      { numerator: 'nb_abandons' },
    ],
    cellMeasures: [persons('_T', '_T'), persons('_T', 'R1'), persons('2025', 'R1')],
    personsMeasure: 'nb_personnes',
  }
}

describe('withObservedCohorts', () => {
  const pooled = new Map([[6, pooledCohorts(['2023', '2024', '2025', '2026'], 6, '2026-09-30')]])

  it('puts the observed cohorts under an internal node of the period tree', () => {
    const out = withObservedCohorts(insertion(), pooled)
    expect(out.hierarchies?.periode).toEqual([
      { code: '_T', parent: '' },
      { code: '_O2025', parent: '_T' },
      { code: '2023', parent: '_O2025' },
      { code: '2024', parent: '_O2025' },
      { code: '2025', parent: '_O2025' },
      { code: '2026', parent: '_T' },
    ])
    expect(out.internal).toEqual({ periode: ['_O2025'] })
  })

  it('gives the node the persons its all-periods cell counts for the follow-up rate', () => {
    const added = withObservedCohorts(insertion(), pooled).cellMeasures!.slice(3)
    const values = {
      personnes_emp6_salaried: 30,
      personnes_emp6_known: 60,
      sans6: 30,
      nb_personnes: 60,
    }
    expect(added).toEqual([
      { codes: ['_O2025', '_T'], values },
      { codes: ['_O2025', 'R1'], values },
    ])
  })

  it('judges a follow-up rate on the node instead of the all-periods cell, and other rates not on the node', () => {
    expect(withObservedCohorts(insertion(), pooled).rates!.map((r) => r.skip)).toEqual([
      { dimension: 'periode', codes: ['_T'] },
      { dimension: 'periode', codes: ['_O2025'] },
    ])
  })

  it('leaves a table without periods as it is (it gets one first: withInternalPeriods)', () => {
    const input = insertion()
    const flat = {
      ...input,
      dimensions: ['territoire'],
      hierarchies: { territoire: input.hierarchies!.territoire! },
    }
    expect(withObservedCohorts(flat, pooled)).toBe(flat)
  })

  it('nests the observed cohorts of a release still online in ours, judging no rate there', () => {
    const out = withObservedCohorts(insertion(), pooled, new Map([[6, [2024]]]))
    expect(out.hierarchies?.periode).toEqual([
      { code: '_T', parent: '' },
      { code: '_O2025', parent: '_T' },
      { code: '_O2024', parent: '_O2025' },
      { code: '2023', parent: '_O2024' },
      { code: '2024', parent: '_O2024' },
      { code: '2025', parent: '_O2025' },
      { code: '2026', parent: '_T' },
    ])
    expect(out.internal).toEqual({ periode: ['_O2025', '_O2024'] })
    expect(out.rates!.map((r) => r.skip)).toEqual([
      { dimension: 'periode', codes: ['_T', '_O2024'] },
      { dimension: 'periode', codes: ['_O2025', '_O2024'] },
    ])
    expect(out.cellMeasures!.filter((r) => r.codes[0] === '_O2024')).toEqual([])
  })
})

describe('observedCohortCells', () => {
  it('gives each population its cells of observed cohorts, from all its tables’ years, per horizon it holds', () => {
    const cep: TableInput = {
      name: 'cep/t',
      dimensions: ['periode'],
      population: 'cep',
      hierarchies: {
        periode: [{ code: '_T', parent: '' }, ...['2025', '2026'].map((code) => ({ code, parent: '_T' }))],
      },
      rows: [],
      measureNames: ['nb_suivis_connus'],
    }
    const cells = observedCohortCells([insertion(), cep], '2026-09-30')
    expect(Object.fromEntries([...cells].map(([p, m]) => [p, Object.fromEntries(m)]))).toEqual({
      sorties: { 6: { kind: 'cell', code: '_O2025', internal: true } },
      cep: { 12: { kind: 'none' } },
    })
  })
})

describe('observedCellOf', () => {
  const pooled = new Map([[6, pooledCohorts(['2023', '2024', '2025', '2026'], 6, '2026-09-30')]])

  it('finds the table of the same population holding the node of the cohorts up to a year, and its code', () => {
    const periodic = withObservedCohorts(insertion(), pooled, new Map([[6, [2024]]]))
    const flat = { ...insertion(), name: 'organismes/t', dimensions: ['territoire'] }
    const other = { ...periodic, name: 'cep/t', population: 'cep' }
    const find = observedCellOf([other, flat, periodic])
    expect(find('organismes/t', { territoire: 'R1' }, 2025)).toEqual({ table: 'insertion/t', code: '_O2025' })
    expect(find('organismes/t', { territoire: 'R1' }, 2024)).toEqual({ table: 'insertion/t', code: '_O2024' })
    // A year no node holds alone (2023: one cohort), a code the table lacks, another population.
    expect(find('organismes/t', { territoire: 'R1' }, 2023)).toBeUndefined()
    expect(find('organismes/t', { territoire: 'R9' }, 2025)).toBeUndefined()
    expect(find('cep/t', {}, 2025)).toEqual({ table: 'cep/t', code: '_O2025' })
  })
})

describe('withObservedCohorts on a table whose years differ from its population’s', () => {
  it('gives it no node where the population’s would hold another set of its years', () => {
    const input = insertion()
    const late = {
      ...input,
      hierarchies: {
        ...input.hierarchies,
        periode: [{ code: '_T', parent: '' }, ...['2025', '2026'].map((code) => ({ code, parent: '_T' }))],
      },
    }
    const out = withObservedCohorts(
      late,
      new Map([[6, pooledCohorts(['2023', '2024', '2025', '2026'], 6, '2026-09-30')]]),
    )
    expect([out.internal, out.hierarchies?.periode?.length]).toEqual([undefined, 3])
  })
})

describe('a table without periods that shows follow-up measures', () => {
  const pooled = new Map([[6, pooledCohorts(['2023', '2024', '2025', '2026'], 6, '2026-09-30')]])

  it('is aggregated by year too, last; a table with periods or without follow-up measures is not', () => {
    const organisms: TableDefinition = {
      name: 'organismes_insertion',
      title: 'Emploi',
      description: 'Emploi par organisme',
      population: 'sorties',
      dimensions: [{ name: 'organisme' }],
      measures: ['nb_sorties', 'nb_connus_6m', 'nb_emploi_6m', 'taux_emploi_6m'],
    }
    expect(withInternalPeriods(organisms).dimensions).toEqual([
      { name: 'organisme' },
      { name: 'periode', depth: 'annee' },
    ])
    const entries = { ...organisms, measures: ['nb_sorties'] as TableDefinition['measures'] }
    expect(withInternalPeriods(entries)).toBe(entries)
  })

  it('is protected with every period internal, its follow-up rate judged on its observed cohorts only', () => {
    const base = insertion()
    const byYear = {
      ...base,
      dimensions: ['territoire', 'periode'],
      hierarchies: { territoire: base.hierarchies!.territoire!, periode: base.hierarchies!.periode! },
      rows: base.rows.map((r) => ({ ...r, codes: [r.codes[1]!, r.codes[0]!] })),
      cellMeasures: base.cellMeasures!.map((r) => ({ ...r, codes: [r.codes[1]!, r.codes[0]!] })),
    }
    const out = byInternalPeriods(byYear, pooled)
    expect(out.internal).toEqual({ periode: ['_O2025', '2023', '2024', '2025', '2026'] })
    // The follow-up rate on its node alone (not the total: the row keeps its count); any other on the total.
    expect(out.rates!.map((r) => r.skip)).toEqual([
      { dimension: 'periode', codes: ['_T', '2023', '2024', '2025', '2026'] },
      { dimension: 'periode', codes: ['_O2025', '2023', '2024', '2025', '2026'] },
    ])
  })
})
