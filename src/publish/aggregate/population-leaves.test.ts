import { describe, expect, it } from 'vitest'
import type { TableDefinition } from '../definition/types.ts'
import { aggregateSql, fewRows } from './aggregate-sql.ts'
import { tableDefinition } from './fact-fixtures.ts'
import { levelStatistics } from './level-statistics.ts'
import { planTable } from './plan.ts'
import {
  createPopulationLeavesSql,
  leavesSelect,
  planPopulationLeaves,
  setIdValue,
} from './population-leaves.ts'

const table = (over: Partial<TableDefinition>): TableDefinition =>
  tableDefinition({ measures: ['nb_entrees', 'nb_personnes'], ...over })

const plans = [
  table({ dimensions: [{ name: 'territoire', depth: 'departement' }, { name: 'sexe' }] }),
  table({
    dimensions: [{ name: 'sexe' }, { name: 'dispositif' }],
    measures: ['nb_entrees', 'heures_prevues'],
  }),
  table({ population: 'sorties', dimensions: [{ name: 'sexe' }], measures: ['nb_sorties'] }),
  // Split by contributor (organism): keeps its own statement.
  table({
    population: 'financements',
    dimensions: [{ name: 'sexe' }],
    measures: ['nb_financements', 'montant_engage'],
  }),
].map(planTable)

describe('planPopulationLeaves', () => {
  it('gathers, per population, every level and finest-cell measure of its tables once, leaving out the tables split by contributor', () => {
    const leaves = planPopulationLeaves(plans, fewRows, '_x1')
    expect(
      leaves.map((l) => ({
        population: l.population.name,
        table: l.table,
        levels: [...l.levels],
        measures: [...l.measures],
      })),
    ).toEqual([
      {
        population: 'entrees',
        table: 'publish_leaves_entrees_x1',
        levels: [
          ["'R' || coalesce(res_region, 'ZZ')", 'l0'],
          ["'D' || coalesce(res_departement, 'ZZ')", 'l1'],
          ['sex', 'l2'],
          ['dispositif', 'l3'],
        ],
        measures: [
          ['count(*)', 'v0'],
          ['count(*) filter (where person_rows <= 4)', 'v1'],
          ['sum(planned_hours)', 'v2'],
        ],
      },
      {
        population: 'sorties',
        table: 'publish_leaves_sorties_x1',
        levels: [['sex', 'l0']],
        measures: [['count(*)', 'v0']],
      },
    ])
  })

  it('refuses a suffix that is not a plain name', () => {
    expect(() => planPopulationLeaves(plans, fewRows, '; drop')).toThrow(/suffix/)
  })
})

describe('the leaves statement', () => {
  const [entrees] = planPopulationLeaves(plans, fewRows)
  it('groups the level expressions as written, one set per table, with every measure and the set id', () => {
    expect(createPopulationLeavesSql(entrees!, plans)).toBe(`create unlogged table publish_leaves_entrees as
select grouping(((${"'R' || coalesce(res_region, 'ZZ'))"} collate "C"), ((${"'D' || coalesce(res_departement, 'ZZ'))"} collate "C"), ((sex) collate "C"), ((dispositif) collate "C"))::text as set_id, ((${"'R' || coalesce(res_region, 'ZZ'))"} collate "C") as l0, ((${"'D' || coalesce(res_departement, 'ZZ'))"} collate "C") as l1, ((sex) collate "C") as l2, ((dispositif) collate "C") as l3, count(*) as v0, count(*) filter (where person_rows <= 4) as v1, sum(planned_hours) as v2
from publish_fact_dossier f where entry_date is not null
group by grouping sets ((((${"'R' || coalesce(res_region, 'ZZ'))"} collate "C"), ((${"'D' || coalesce(res_departement, 'ZZ'))"} collate "C"), ((sex) collate "C")), (((sex) collate "C"), ((dispositif) collate "C")))`)
  })

  it('gives each table its own set, under its column and measure names', () => {
    expect(leavesSelect(entrees!, plans[1]!, fewRows(plans[1]!))).toBe(
      "select l2 as d0_0, l3 as d1_0, v0 as nb_entrees, v2 as heures_prevues from publish_leaves_entrees where set_id = '12'",
    )
  })

  it('lists a set once when two tables have its levels in another order', () => {
    const reversed = planTable(table({ dimensions: [{ name: 'dispositif' }, { name: 'sexe' }] }))
    const sql = createPopulationLeavesSql(entrees!, [plans[1]!, reversed])
    expect(sql.slice(sql.indexOf('group by'))).toBe(
      'group by grouping sets ((((sex) collate "C"), ((dispositif) collate "C")))',
    )
    expect(leavesSelect(entrees!, reversed, fewRows(reversed))).toBe(
      "select l3 as d0_0, l2 as d1_0, v0 as nb_entrees, v1 as rows_nb_personnes from publish_leaves_entrees where set_id = '12'",
    )
  })

  it('is where a table without contributor reads its finest cells', () => {
    expect(aggregateSql(plans[2]!, undefined, planPopulationLeaves(plans, fewRows)[1])).toContain(
      "leaf as (select l0 as d0_0, v0 as nb_sorties from publish_leaves_sorties where set_id = '0')",
    )
  })

  it('refuses a table of another population', () => {
    expect(() => leavesSelect(entrees!, plans[2]!, 1)).toThrow(
      'population sorties: given the leaves of entrees',
    )
  })
})

describe('setIdValue', () => {
  it('reads as grouping() does: the first level the highest bit, set when aggregated away', () => {
    expect(setIdValue([true, true, false, false])).toBe('3')
    expect(setIdValue([false, true])).toBe('2')
    expect(setIdValue([true])).toBe('0')
  })

  it('takes the levels 31 at a time past 31', () => {
    const levels = Array.from({ length: 33 }, (_, i) => i === 0 || i === 32)
    expect(setIdValue(levels)).toBe(`${2 ** 30 - 1}.2`)
  })
})

describe('levelStatistics', () => {
  it('names one statistic per level expression and fact table, bare columns left out', () => {
    const statistics = levelStatistics(planPopulationLeaves(plans, fewRows))
    expect(statistics.map((s) => s.table)).toEqual(['publish_fact_dossier', 'publish_fact_dossier'])
    expect(statistics.map((s) => s.sql.replace(/publish_stat_[0-9a-f]{24}/, 'NAME'))).toEqual([
      "create statistics NAME on (('R' || coalesce(res_region, 'ZZ'))) from publish_fact_dossier",
      "create statistics NAME on (('D' || coalesce(res_departement, 'ZZ'))) from publish_fact_dossier",
    ])
    expect(levelStatistics(planPopulationLeaves(plans, fewRows, '_other'))).toEqual(statistics)
  })
})
