import { describe, expect, it } from 'vitest'
import type { TableDefinition } from '../definition/types.ts'
import { codeColumns, planTable } from './plan.ts'

const table = (over: Partial<TableDefinition>): TableDefinition => ({
  name: 't',
  title: 'T',
  description: 'T',
  population: 'entrees',
  dimensions: [{ name: 'sexe' }],
  measures: ['nb_entrees'],
  ...over,
})

describe('planTable', () => {
  it('keeps the levels down to the depth, with the period date of the population', () => {
    const plan = planTable(
      table({
        population: 'sorties',
        dimensions: [{ name: 'periode', depth: 'trimestre' }, { name: 'sexe' }],
        measures: ['nb_sorties'],
      }),
    )
    expect(plan.dimensions).toEqual([
      {
        name: 'periode',
        levels: [
          { name: 'annee', sql: "to_char(exit_date, 'YYYY')", column: 'd0_0' },
          {
            name: 'trimestre',
            sql: 'to_char(exit_date, \'YYYY-"T"Q\')',
            column: 'd0_1',
          },
        ],
      },
      { name: 'sexe', levels: [{ name: 'sexe', sql: 'sex', column: 'd1_0' }] },
    ])
    expect(codeColumns(plan)).toEqual(['d0_0', 'd0_1', 'd1_0'])
  })

  it('sums the count and sum measures, counts persons by their column, leaves rates and ratios out', () => {
    const plan = planTable(
      table({
        population: 'sorties',
        measures: [
          'nb_sorties',
          'nb_personnes',
          'heures_prevues',
          'heures_realisees',
          'taux_realisation',
          'nb_abandons',
          'taux_abandon',
        ],
      }),
    )
    expect(plan.additive).toEqual([
      { name: 'nb_sorties', sql: 'count(*)' },
      { name: 'heures_prevues', sql: 'sum(planned_hours)' },
      { name: 'heures_realisees', sql: 'coalesce(sum(hours_completed), 0)' },
      { name: 'nb_abandons', sql: 'count(*) filter (where abandoned)' },
    ])
    expect(plan.persons).toEqual({ name: 'nb_personnes', column: 'person_id' })
    expect(plan.contributor).toBeUndefined()
  })

  it('splits the engaged amounts by organism on financements only when the table has them', () => {
    const financements = { population: 'financements' as const, dimensions: [{ name: 'sexe' as const }] }
    expect(
      planTable(table({ ...financements, measures: ['nb_financements', 'montant_engage'] })).contributor,
    ).toEqual({
      column: 'organism_siret',
      measure: 'montant_engage',
    })
    expect(planTable(table({ ...financements, measures: ['nb_financements'] })).contributor).toBeUndefined()
  })

  it('refuses what the definition check rules out', () => {
    expect(() => planTable(table({ dimensions: [{ name: 'periode', depth: 'semaine' }] }))).toThrow(
      'table t: dimension periode has no level semaine',
    )
    expect(() =>
      planTable(table({ population: 'sorties', measures: ['nb_sorties', 'taux_abandon'] })),
    ).toThrow('table t: taux_abandon needs nb_abandons and nb_sorties')
    expect(() => planTable(table({ dimensions: [] }))).toThrow('table t: no dimension')
  })
})
