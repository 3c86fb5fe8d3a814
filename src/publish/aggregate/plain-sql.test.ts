import { describe, expect, it } from 'vitest'
import { plainGroupingSetsSql } from './plain-sql.ts'

describe('plainGroupingSetsSql', () => {
  it('groups the fact rows of the population directly, counting them only', () => {
    const text = plainGroupingSetsSql({
      name: 't',
      title: 'T',
      description: 'T',
      population: 'cep',
      dimensions: [{ name: 'periode', depth: 'annee' }, { name: 'sexe' }],
      measures: ['nb_periodes', 'nb_personnes'],
    })
    expect(text).toBe(`select grouping(d0_0, d1_0) as grouping_id, d0_0, d1_0, count(*) as n
from (select to_char(start_date, 'YYYY') as d0_0, sex as d1_0 from publish_fact_cep where true) fact
group by grouping sets ((), (d1_0), (d0_0), (d0_0, d1_0))`)
  })
})
