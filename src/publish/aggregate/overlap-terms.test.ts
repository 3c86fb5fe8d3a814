import { describe, expect, it } from 'vitest'
import type { TableDefinition } from '../definition/types.ts'
import { overlapTermsSelect, planOverlapTerms } from './overlap-terms.ts'
import { planTable } from './plan.ts'

const table = (over: Partial<TableDefinition>): TableDefinition => ({
  name: 't',
  title: 'T',
  description: 'T',
  population: 'entrees',
  dimensions: [{ name: 'sexe' }],
  measures: ['nb_entrees', 'nb_personnes'],
  ...over,
})

describe('planOverlapTerms', () => {
  it('gathers, per population whose tables count persons, every level and filter of those tables once', () => {
    const plans = [
      table({ dimensions: [{ name: 'territoire', depth: 'departement' }, { name: 'sexe' }] }),
      table({ dimensions: [{ name: 'territoire', depth: 'region' }, { name: 'dispositif' }] }),
      // Counts no persons: adds nothing (its persons are not added up).
      table({ dimensions: [{ name: 'territoire', depth: 'commune' }], measures: ['nb_entrees'] }),
      table({
        population: 'sorties',
        dimensions: [{ name: 'sexe' }],
        measures: ['nb_sorties', 'nb_abandons', 'taux_abandon'],
      }),
    ].map(planTable)
    const terms = planOverlapTerms(plans)
    expect(
      terms.map((t) => ({
        population: t.population.name,
        table: t.table,
        levels: [...t.levels],
        filters: [...t.filters],
      })),
    ).toEqual([
      {
        population: 'entrees',
        table: 'publish_overlap_entrees',
        levels: [
          ["'R' || coalesce(res_region, 'ZZ')", 'm0'],
          ["'D' || coalesce(res_departement, 'ZZ')", 'm1'],
          ['sex', 'm2'],
          ['dispositif', 'm3'],
        ],
        filters: [],
      },
      {
        population: 'sorties',
        table: 'publish_overlap_sorties',
        levels: [['sex', 'm0']],
        filters: [
          ['coalesce(abandoned, false)', 1n],
          ['not coalesce(abandoned, false)', 2n],
        ],
      },
    ])
  })

  it('names the terms tables with the caller’s suffix, made of [a-z0-9_] only', () => {
    const plans = [planTable(table({}))]
    expect(planOverlapTerms(plans, '_k2_1').map((t) => t.table)).toEqual(['publish_overlap_entrees_k2_1'])
    expect(() => planOverlapTerms(plans, '; drop table x')).toThrow(
      'terms table suffix ; drop table x: expected [a-z0-9_]',
    )
  })

  it('plans no terms for tables that count no persons', () => {
    expect(planOverlapTerms([planTable(table({ measures: ['nb_entrees'] }))])).toEqual([])
  })
})

describe('overlapTermsSelect', () => {
  it('takes the persons of 2 to 3 rows of the population, pairs (−1) and the triple (+1), summed by meets and filters', () => {
    const [terms] = planOverlapTerms([planTable(table({}))])
    const select = overlapTermsSelect(terms!)
    expect(select).toContain(
      'from publish_fact_dossier f where (entry_date is not null) and person_rows between 2 and 3 group by person_id',
    )
    expect(select.match(/ as sign/g)).toEqual([' as sign', ' as sign', ' as sign', ' as sign'])
    expect(select.match(/-?1 as sign/g)).toEqual(['-1 as sign', '-1 as sign', '-1 as sign', '1 as sign'])
    expect(select).toContain('group by m0, flags having sum(sign) <> 0')
  })
})
