import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetFiles } from './dataset-files.ts'
import { depthFirst } from './order.ts'
import { DATASET, LABELS, protectFixture } from './write.fixture.ts'
import { writeDatasetFolder } from './write-folder.ts'

// Written files read back by DuckDB, with the types datapackage.json declares: what a
// researcher's first query sees.
const DUCKDB_TYPE = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE' } as const

let dir: string
let instance: DuckDBInstance
let db: DuckDBConnection
let pkg: any

beforeAll(async () => {
  const files = datasetFiles(DATASET, await protectFixture(), LABELS)
  if (!files.ok) throw new Error(JSON.stringify(files.issues))
  dir = await mkdtemp(join(tmpdir(), 'passerelle-write-'))
  await writeDatasetFolder(dir, files.value, async (path, bytes) => {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, bytes)
  })
  pkg = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8'))
  instance = await DuckDBInstance.create(':memory:')
  db = await instance.connect()
})

afterAll(async () => {
  db?.closeSync()
  instance?.closeSync()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`

/** `read_csv` with the declared column types and no detection at all. */
function declaredCsv(resource: any): string {
  const columns = resource.schema.fields.map(
    (f: any) => `${quote(f.name)}: ${quote(DUCKDB_TYPE[f.type as 'string'])}`,
  )
  const path = quote(join(dir, resource.path))
  return `read_csv(${path}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns.join(', ')}})`
}

async function types(source: string): Promise<string[]> {
  const described = await db.runAndReadAll(`describe select * from ${source}`)
  return described.getRowObjectsJS().map((r) => String(r.column_type))
}

async function rows(source: string): Promise<Record<string, unknown>[]> {
  const read = await db.runAndReadAll(`select * from ${source}`)
  return read
    .getRowObjectsJS()
    .map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    )
}

async function jsonRows(table: string): Promise<unknown[]> {
  return JSON.parse(await readFile(join(dir, `${table}.json`), 'utf8')).rows
}

describe('files read by DuckDB', () => {
  it('reads every CSV with the declared types, its header naming the declared fields in order', async () => {
    for (const resource of pkg.resources) {
      const fields = resource.schema.fields
      expect(await types(declaredCsv(resource)), resource.path).toEqual(
        fields.map((f: any) => DUCKDB_TYPE[f.type as 'string']),
      )
      const header = await db.runAndReadAll(
        `select * from read_csv(${quote(join(dir, resource.path))}, header = true, all_varchar = true)`,
      )
      expect(header.columnNames(), resource.path).toEqual(fields.map((f: any) => f.name))
    }
  })

  it('reads from each table CSV the values the JSON file holds, null where a cell is suppressed or undefined', async () => {
    for (const table of DATASET.tables) {
      const resource = pkg.resources.find((r: any) => r.name === table.name)
      expect(await rows(declaredCsv(resource)), table.name).toEqual(await jsonRows(table.name))
    }
    const exits = await rows(declaredCsv(pkg.resources[0]))
    const pick = (t: string, s: string) => exits.find((r) => r.territoire === t && r.sexe === s)!
    expect([
      pick('R84', 'F').nb_sorties,
      pick('R84', 'F').nb_sorties_statut,
      pick('R84', 'F').taux_emploi_6m,
    ]).toEqual([null, 'A', null])
    expect([
      pick('R11', '_T').nb_connus_6m,
      pick('R11', '_T').taux_emploi_6m,
      pick('R11', '_T').taux_emploi_6m_statut,
    ]).toEqual([0, null, 'V'])
    expect([
      pick('_T', '_T').nb_sorties,
      pick('_T', '_T').taux_emploi_6m,
      pick('_T', '_T').taux_emploi_6m_ic_bas,
    ]).toEqual([181, 0.5375, 0.429])
  })

  it('reads hierarchy CSVs as written, the root without parent', async () => {
    for (const dimension of ['territoire', 'sexe'] as const) {
      const resource = pkg.resources.find((r: any) => r.name === `hierarchie_${dimension}`)
      const expected = depthFirst(LABELS[dimension]!)
        .filter((l) => l.level !== 'departement')
        .map((l) => ({ code: l.code, parent: l.parent || null, label: l.label, niveau: l.level }))
      expect(await rows(declaredCsv(resource))).toEqual(expected)
    }
  })

  it('reads every Parquet file with the declared types and the same values as the CSV', async () => {
    for (const table of DATASET.tables) {
      const resource = pkg.resources.find((r: any) => r.name === table.name)
      const parquet = `read_parquet(${quote(join(dir, `${table.name}.parquet`))})`
      expect(await types(parquet), table.name).toEqual(
        resource.schema.fields.map((f: any) => DUCKDB_TYPE[f.type as 'string']),
      )
      expect(await rows(parquet), table.name).toEqual(await rows(declaredCsv(resource)))
    }
  })
})
