import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { Random } from '../../generate/random.ts'
import type { TableDefinition } from '../definition/types.ts'
import { aggregateSql, fewRows } from './aggregate-sql.ts'
import { aggregateTable, aggregateTables, dropAggregationLeftovers } from './aggregate-table.ts'
import { createDossierFact, plainAggregate } from './fact-fixtures.ts'
import { groupingSets } from './grouping-sets.ts'
import {
  createOverlapTermsSql,
  OVERLAP_TABLES_LIKE,
  overlapTermsSelect,
  planOverlapTerms,
} from './overlap-terms.ts'
import { planTable } from './plan.ts'
import { LEAVES_TABLES_LIKE } from './population-leaves.ts'

// Distinct persons are counted two ways (aggregate-sql.ts): persons of up to 4 rows are added up
// by inclusion–exclusion over their rows, the others counted by count(distinct). Both are checked
// here, together, against the plain count(distinct) of every cell, on seeded
// random persons of 1 to 6 rows spread over years, régions, départements and sexes (some unknown).

const PLACES = [
  ['84', '01'],
  ['84', '69'],
  ['11', '75'],
  ['11', '92'],
  ['93', '13'],
] as const

function rows(): Record<string, string | number | boolean | null>[] {
  const rng = new Random('aggregate-persons')
  const next = () => rng.float()
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const out: Record<string, string | number | boolean | null>[] = []
  for (let p = 0; p < 70; p++) {
    // Persons of 1 to 6 rows, more of them with few; a person often stays in one place.
    const count = 1 + Math.floor(next() ** 2 * 6)
    const home = pick(PLACES)
    const sex = pick(['F', 'M', 'F', 'M', null])
    for (let r = 0; r < count; r++) {
      const [region, departement] = next() < 0.6 ? home : pick(PLACES)
      const month = 1 + Math.floor(next() * 24)
      const entry = `${2024 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-15`
      out.push({
        person_key: `P${p}`,
        dossier_key: `d${out.length}`,
        entry_date: next() < 0.9 ? entry : null,
        exit_date: next() < 0.5 ? entry : null,
        res_region: region,
        res_departement: departement,
        sex: next() < 0.8 ? sex : pick(['F', 'M']),
        dispositif: pick(['CPF', 'PRF', 'AIF']),
        // Outcomes for the rates' persons, some unknown (null), which counts as without.
        abandoned: pick([true, false, false, null]),
        certifying: next() < 0.6,
        certification_known: next() < 0.5,
        certified: pick([true, false, null]),
        emp6_known: next() < 0.7,
        emp6_salaried: pick([true, false, false, null]),
      })
    }
  }
  return out
}

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
  await createDossierFact(store.db, rows())
})
afterAll(() => store.dispose())

const table = (over: Partial<TableDefinition>): TableDefinition => ({
  name: 't',
  title: 'T',
  description: 'T',
  population: 'entrees',
  dimensions: [],
  measures: ['nb_entrees', 'nb_personnes'],
  ...over,
})

describe('distinct persons of aggregateTable', () => {
  it('adds up persons of up to four rows, less their overlaps, in a table of many grouping sets', async () => {
    const definition = table({
      dimensions: [
        { name: 'periode', depth: 'trimestre' },
        { name: 'territoire', depth: 'departement' },
        { name: 'sexe' },
      ],
    })
    expect(groupingSets(planTable(definition))).toHaveLength(18)
    expect(fewRows(planTable(definition))).toBe(4)
    expect(await aggregateTable(store.db, definition)).toEqual(await plainAggregate(store.db, definition))
  })

  it('counts the same whatever the population filter (exits: a part of each person’s rows)', async () => {
    const definition = table({
      population: 'sorties',
      measures: ['nb_sorties', 'nb_personnes'],
      dimensions: [
        { name: 'periode', depth: 'annee' },
        { name: 'territoire', depth: 'departement' },
        { name: 'dispositif' },
        { name: 'sexe' },
      ],
    })
    expect(fewRows(planTable(definition))).toBe(4)
    expect(await aggregateTable(store.db, definition)).toEqual(await plainAggregate(store.db, definition))
  })

  it('counts the persons of each rate’s numerator, denominator and complement, filters and overlaps together', async () => {
    const definition = table({
      population: 'sorties',
      measures: [
        'nb_sorties',
        'nb_abandons',
        'taux_abandon',
        'nb_sorties_certifiantes',
        'nb_resultats_connus',
        'part_resultats_connus',
        'nb_certifies',
        'taux_obtention',
        'nb_connus_6m',
        'nb_emploi_6m',
        'taux_emploi_6m',
      ],
      dimensions: [
        { name: 'periode', depth: 'annee' },
        { name: 'territoire', depth: 'departement' },
        { name: 'sexe' },
      ],
    })
    expect(planTable(definition).personCounts).toHaveLength(11)
    const aggregated = await aggregateTable(store.db, definition)
    expect(aggregated).toEqual(await plainAggregate(store.db, definition))
    // Persons of several exits make the persons differ from the exits somewhere.
    const total = aggregated.cells[0]!.values
    expect(total.personnes_abandoned).toBeLessThan(total.nb_abandons!)
    expect(total.personnes_toutes).toBeLessThan(total.nb_sorties!)
  })

  it('adds up persons of up to four rows in a table of few grouping sets too', async () => {
    const definition = table({ dimensions: [{ name: 'sexe' }, { name: 'dispositif' }] })
    expect(groupingSets(planTable(definition))).toHaveLength(4)
    expect(fewRows(planTable(definition))).toBe(4)
    expect(await aggregateTable(store.db, definition)).toEqual(await plainAggregate(store.db, definition))
  })

  it('adds up rows alone in a table that counts no persons', async () => {
    const many = table({
      measures: ['nb_entrees', 'heures_prevues'],
      dimensions: [
        { name: 'periode', depth: 'trimestre' },
        { name: 'territoire', depth: 'departement' },
        { name: 'sexe' },
      ],
    })
    expect(fewRows(planTable(many))).toBe(1)
    expect(await aggregateTable(store.db, many)).toEqual(await plainAggregate(store.db, many))
  })
})

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  Strategy?: string
  Plans?: PlanNode[]
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)]

describe('aggregateTables', () => {
  const entries = table({
    dimensions: [
      { name: 'periode', depth: 'trimestre' },
      { name: 'territoire', depth: 'departement' },
    ],
  })
  const exits = table({
    population: 'sorties',
    measures: ['nb_sorties', 'nb_personnes', 'nb_abandons', 'taux_abandon'],
    dimensions: [{ name: 'territoire', depth: 'region' }, { name: 'sexe' }],
  })
  const bySex = table({ dimensions: [{ name: 'sexe' }, { name: 'dispositif' }] })
  // The same finest cells as bySex, its dimensions in the other order: one set of the leaves.
  const byDispositif = table({ dimensions: [{ name: 'dispositif' }, { name: 'sexe' }] })
  // The overlap terms and the populations' leaves: work tables of a call, dropped at its end.
  const workTables = async () =>
    (
      await sql<{
        name: string
      }>`select tablename as name from pg_tables
         where tablename like ${OVERLAP_TABLES_LIKE} or tablename like ${LEAVES_TABLES_LIKE}`.execute(
        store.db,
      )
    ).rows

  it('builds each population’s overlap terms and leaves once for all its tables: each table as counted alone, and the work tables dropped', async () => {
    const together = await aggregateTables(store.db, [entries, exits, bySex, byDispositif], 2)
    expect(together).toEqual([
      await plainAggregate(store.db, entries),
      await plainAggregate(store.db, exits),
      await plainAggregate(store.db, bySex),
      await plainAggregate(store.db, byDispositif),
    ])
    expect(await workTables()).toEqual([])
  })

  it('runs calls at once on the same population without one dropping the other’s terms', async () => {
    const [a, b] = await Promise.all([aggregateTable(store.db, entries), aggregateTable(store.db, bySex)])
    expect([a, b]).toEqual([await plainAggregate(store.db, entries), await plainAggregate(store.db, bySex)])
    expect(await workTables()).toEqual([])
  })

  it('drops the terms and leaves tables a killed run left, and only those', async () => {
    await sql`create table publish_overlap_entrees_x1 (m0 text)`.execute(store.db)
    await sql`create table publish_leaves_entrees_x1 (l0 text)`.execute(store.db)
    await sql`create table publish_overlapping (m0 text)`.execute(store.db)
    await sql`create table publish_leavesx (l0 text)`.execute(store.db)
    await dropAggregationLeftovers(store.db)
    expect(await workTables()).toEqual([])
    const kept = await sql<{
      name: string
    }>`select tablename as name from pg_tables where tablename in ('publish_overlapping', 'publish_leavesx')
       order by tablename`.execute(store.db)
    expect(kept.rows).toEqual([{ name: 'publish_leavesx' }, { name: 'publish_overlapping' }])
    await sql`drop table publish_overlapping, publish_leavesx`.execute(store.db)
  })

  it('drops the work tables it built when a table fails', async () => {
    // No CEP fact table in this store: the CEP terms fail after the others were built.
    const cep = table({
      population: 'cep',
      measures: ['nb_periodes', 'nb_personnes'],
      dimensions: [{ name: 'sexe' }],
    })
    await expect(aggregateTables(store.db, [entries, cep])).rejects.toThrow(/publish_fact_cep/)
    expect(await workTables()).toEqual([])
  })
})

describe('the plan of the inclusion–exclusion count', () => {
  // On a test-sized table the planner rightly prefers scans and sorts; with them priced out, a plan
  // that still sorts before grouping a person's rows, or scans the table for the persons of many
  // rows, means that the fact table's person indexes no longer serve the statement (their
  // predicates must be implied by the statements' filters: personIndexes, overlap-terms.ts and aggregate-sql.ts
  // share FEW_ROWS).
  it('gathers persons of few rows through the _few index without a sort, and reads the others through _many', async () => {
    const definition = table({
      dimensions: [
        { name: 'periode', depth: 'trimestre' },
        { name: 'territoire', depth: 'departement' },
        { name: 'sexe' },
      ],
    })
    const planned = planTable(definition)
    const [terms] = planOverlapTerms([planned])
    const explain = (statement: string) =>
      store.db.transaction().execute(async (tx) => {
        await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`.execute(
          tx,
        )
        const { rows } = await sql
          .raw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) ${statement}`)
          .execute(tx)
        return rows[0]!['QUERY PLAN'][0].Plan
      })
    const few = nodes(await explain(overlapTermsSelect(terms!))).filter((n) =>
      n.Plans?.some((p) => p['Index Name'] === 'publish_fact_dossier_few'),
    )
    expect(few.map((n) => [n['Node Type'], n.Strategy])).toEqual([['Aggregate', 'Sorted']])
    await sql.raw(createOverlapTermsSql(terms!)).execute(store.db)
    const plan = await explain(aggregateSql(planned, terms)).finally(() =>
      sql.raw(`drop table ${terms!.table}`).execute(store.db),
    )
    expect(nodes(plan).filter((n) => n['Index Name'] === 'publish_fact_dossier_many')).toHaveLength(1)
  })
})
