/**
 * Test support: the fact tables of src/publish/facts/README.md, created empty and filled with
 * hand-made rows (every column not given takes a default).
 * @module
 */
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { TableDefinition } from '../definition/types.ts'
import { PERSON_ID, PERSON_ROWS, personIndexes } from '../facts/sql-parts.ts'
import { groupingIdSql, groupingSets, groupingSetsClause } from './grouping-sets.ts'
import { codeColumns, planTable } from './plan.ts'
import { type AggregateRow, readCells } from './read-cells.ts'
import type { AggregatedTable } from './types.ts'

type Value = string | number | boolean | null

const DOSSIER_COLUMNS: Readonly<Record<string, [type: string, fallback: Value]>> = {
  dossier_key: ['text', null],
  person_key: ['text', 'P0'],
  person_id: ['integer', null],
  person_rows: ['integer', null],
  status: ['text', 'ENTRE'],
  entry_date: ['date', null],
  exit_date: ['date', null],
  res_commune: ['text', '01053'],
  res_departement: ['text', '01'],
  res_region: ['text', '84'],
  qpv: ['boolean', false],
  place_departement: ['text', null],
  place_region: ['text', null],
  dispositif: ['text', 'CPF'],
  funder: ['text', 'CDC'],
  funder_kind: ['text', 'CDC'],
  status_at_entry: ['text', null],
  sex: ['text', 'F'],
  age_band: ['text', '26_44'],
  cert_level: ['text', 'sans'],
  nsf_domain: ['text', null],
  nsf_group: ['text', null],
  modality: ['text', 'PRESENTIEL'],
  organism_siret: ['text', '11111111111111'],
  organism_region: ['text', '84'],
  planned_hours: ['numeric', 0],
  hours_completed: ['numeric', null],
  committed: ['numeric', 0],
  abandoned: ['boolean', false],
  certifying: ['boolean', false],
  certification_known: ['boolean', false],
  certified: ['boolean', false],
  emp6_known: ['boolean', false],
  emp6_salaried: ['boolean', false],
  emp6_lasting: ['boolean', false],
  emp6_access: ['boolean', false],
  emp6_in_training: ['boolean', false],
  emp12_known: ['boolean', false],
  emp12_salaried: ['boolean', false],
  emp12_in_training: ['boolean', false],
}

const FUNDING_COLUMNS: Readonly<Record<string, [type: string, fallback: Value]>> = {
  person_key: ['text', 'P0'],
  person_id: ['integer', null],
  person_rows: ['integer', null],
  dossier_key: ['text', null],
  funder: ['text', 'R84'],
  funder_kind: ['text', 'REGION'],
  dispositif: ['text', 'PRF'],
  res_commune: ['text', '01053'],
  res_departement: ['text', '01'],
  res_region: ['text', '84'],
  sex: ['text', 'F'],
  age_band: ['text', '26_44'],
  period_date: ['date', null],
  organism_siret: ['text', null],
  committed: ['numeric', 0],
}

const CEP_COLUMNS: Readonly<Record<string, [type: string, fallback: Value]>> = {
  person_key: ['text', 'P0'],
  person_id: ['integer', null],
  person_rows: ['integer', null],
  operator: ['text', 'FT'],
  level: ['integer', 1],
  status_at_entry: ['text', null],
  sex: ['text', 'F'],
  age_band: ['text', '26_44'],
  res_commune: ['text', '01053'],
  res_departement: ['text', '01'],
  res_region: ['text', '84'],
  start_date: ['date', '2025-01-15'],
  followup_known: ['boolean', false],
  followed_by_training: ['boolean', false],
}

/** (Re)creates `publish_fact_dossier` with these rows. */
export function createDossierFact(
  db: Kysely<Database>,
  rows: readonly Record<string, Value>[],
): Promise<void> {
  return createTable(db, 'publish_fact_dossier', DOSSIER_COLUMNS, rows)
}

/** (Re)creates `publish_fact_funding` with these rows. */
export function createFundingFact(
  db: Kysely<Database>,
  rows: readonly Record<string, Value>[],
): Promise<void> {
  return createTable(db, 'publish_fact_funding', FUNDING_COLUMNS, rows)
}

/** (Re)creates `publish_fact_cep` with these rows. */
export function createCepFact(db: Kysely<Database>, rows: readonly Record<string, Value>[]): Promise<void> {
  return createTable(db, 'publish_fact_cep', CEP_COLUMNS, rows)
}

async function createTable(
  db: Kysely<Database>,
  table: string,
  columns: Readonly<Record<string, [string, Value]>>,
  rows: readonly Record<string, Value>[],
): Promise<void> {
  const names = Object.keys(columns)
  await sql.raw(`drop table if exists ${table}`).execute(db)
  await sql
    .raw(`create table ${table} (${names.map((n) => `${n} ${columns[n]![0]}`).join(', ')})`)
    .execute(db)
  for (const row of rows) {
    for (const key of Object.keys(row))
      if (!(key in columns)) throw new Error(`${table} has no column ${key}`)
    // Values go as parameters, booleans and numbers as JS values (PGlite refuses 't'/'f' for booleans).
    const values = names.map((n) => sql`${n in row ? row[n] : columns[n]![1]}`)
    await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))}) values (${sql.join(values)})`.execute(
      db,
    )
  }
  // As the fact build numbers them.
  await sql
    .raw(`update ${table} t set person_id = n.id, person_rows = n.rows from (select person_key,
      ${PERSON_ID} as id, ${PERSON_ROWS} as rows from ${table}) n
      where n.person_key = t.person_key`)
    .execute(db)
  for (const index of personIndexes(table)) await sql.raw(index).execute(db)
}

/**
 * The table as the plain statement a reader would write gives it, to hold `aggregateTable`'s
 * shortcuts to: each measure's own SQL and every persons count as `count(distinct person_id)`
 * (filtered for a rate's persons) by GROUPING SETS on the
 * population's fact rows (no amounts by contributor: finest cells get `{}`).
 */
export async function plainAggregate(
  db: Kysely<Database>,
  definition: TableDefinition,
): Promise<AggregatedTable> {
  const plan = planTable(definition)
  const levels = plan.dimensions.flatMap((d) => d.levels.map((l) => `${l.sql} as ${l.column}`))
  const measures = [
    ...plan.additive.map((m) => `${m.sql} as ${m.name}`),
    ...plan.personCounts.map(
      (c) => `count(distinct person_id)${c.filter ? ` filter (where ${c.filter})` : ''} as ${c.name}`,
    ),
  ]
  const { rows } = await sql
    .raw<AggregateRow>(
      `select ${groupingIdSql(plan)} as grouping_id, ${codeColumns(plan).join(', ')}, false as by_contributor,
        ${measures.join(', ')}
      from (select ${levels.join(', ')}, f.* from ${plan.population.factTable} f where ${plan.population.where}) f
      group by ${groupingSetsClause(groupingSets(plan))}`,
    )
    .execute(db)
  return readCells(plan, rows)
}

/** A table definition of entries by sex with `nb_entrees`, any field replaced by `over`. */
export function tableDefinition(over: Partial<TableDefinition>): TableDefinition {
  return {
    name: 't',
    title: 'T',
    description: 'T',
    population: 'entrees',
    dimensions: [{ name: 'sexe' }],
    measures: ['nb_entrees'],
    ...over,
  }
}
