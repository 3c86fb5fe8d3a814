import { describe, expect, it } from 'vitest'
import type { TableDefinition } from '../definition/types.ts'
import { tableDefinition } from './fact-fixtures.ts'
import { overlapTermsSelect, planOverlapTerms } from './overlap-terms.ts'
import { planTable } from './plan.ts'

const table = (over: Partial<TableDefinition>): TableDefinition =>
  tableDefinition({ measures: ['nb_entrees', 'nb_personnes'], ...over })

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
  it('takes the persons of 2 to 4 rows of the population, pairs (−1), triples (+1) and the quadruple (−1), summed by meets and filters', () => {
    const [terms] = planOverlapTerms([planTable(table({}))])
    const select = overlapTermsSelect(terms!)
    expect(select).toContain(
      'from publish_fact_dossier f where (entry_date is not null) and person_rows between 2 and 4 group by person_id',
    )
    // In subset order: {1,2} {1,3} {2,3} {1,2,3} {1,4} {2,4} {1,2,4} {3,4} {1,3,4} {2,3,4} {1,2,3,4}.
    expect(select.match(/-?1 as sign/g)?.join(' ')).toBe(
      '-1 as sign -1 as sign -1 as sign 1 as sign -1 as sign -1 as sign 1 as sign -1 as sign 1 as sign 1 as sign -1 as sign',
    )
    expect(select).toContain(
      'p.flags[1] & p.flags[2] & p.flags[3] & p.flags[4] as flags from by_person p where p.n >= 4',
    )
    expect(select).toContain('group by m0, flags having sum(sign) <> 0')
  })
})
