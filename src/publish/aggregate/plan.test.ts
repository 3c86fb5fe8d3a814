import { describe, expect, it } from 'vitest'
import { tableDefinition } from './fact-fixtures.ts'
import { codeColumns, planTable } from './plan.ts'

const table = tableDefinition

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

  it('counts the persons of every rate’s numerator, denominator and complement, once per filter', () => {
    const plan = planTable(
      table({
        population: 'sorties',
        measures: [
          'nb_sorties',
          'nb_personnes',
          'nb_abandons',
          'taux_abandon',
          'nb_sorties_certifiantes',
          'nb_resultats_connus',
          'part_resultats_connus',
          'nb_certifies',
          'taux_obtention',
        ],
      }),
    )
    expect(plan.personCounts).toEqual([
      { name: 'nb_personnes' },
      { name: 'personnes_abandoned', filter: 'coalesce(abandoned, false)' },
      { name: 'personnes_toutes_sans_abandoned', filter: 'not coalesce(abandoned, false)' },
      { name: 'personnes_certification_known', filter: 'coalesce(certification_known, false)' },
      { name: 'personnes_certifying', filter: 'coalesce(certifying, false)' },
      {
        name: 'personnes_certifying_sans_certification_known',
        filter: 'coalesce(certifying, false) and not coalesce(certification_known, false)',
      },
      { name: 'personnes_certified', filter: 'coalesce(certified, false)' },
      {
        name: 'personnes_certification_known_sans_certified',
        filter: 'coalesce(certification_known, false) and not coalesce(certified, false)',
      },
    ])
    expect(plan.ratePersons).toEqual([
      {
        rate: 'taux_abandon',
        numerator: 'personnes_abandoned',
        denominator: 'nb_personnes',
        complement: 'personnes_toutes_sans_abandoned',
      },
      {
        rate: 'part_resultats_connus',
        numerator: 'personnes_certification_known',
        denominator: 'personnes_certifying',
        complement: 'personnes_certifying_sans_certification_known',
      },
      {
        rate: 'taux_obtention',
        numerator: 'personnes_certified',
        denominator: 'personnes_certification_known',
        complement: 'personnes_certification_known_sans_certified',
      },
    ])
  })

  it('counts every row’s persons for a rate over the count when the table publishes no persons', () => {
    const plan = planTable(
      table({ population: 'sorties', measures: ['nb_sorties', 'nb_abandons', 'taux_abandon'] }),
    )
    expect(plan.persons).toBeUndefined()
    expect(plan.personCounts.map((c) => c.name)).toEqual([
      'personnes_abandoned',
      'personnes_toutes',
      'personnes_toutes_sans_abandoned',
    ])
    expect(planTable(table({})).personCounts).toEqual([])
  })

  it('splits the engaged amounts by organism on financements only when the table has them', () => {
    const financements = { population: 'financements' as const, dimensions: [{ name: 'sexe' as const }] }
    expect(
      planTable(table({ ...financements, measures: ['nb_financements', 'montant_engage'] })).contributor,
    ).toEqual({
      column: 'left(organism_siret, 9)',
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
