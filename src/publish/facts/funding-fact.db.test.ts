import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier, items } from '../../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { applyBatch } from '../../ingest/apply-batch.ts'
import { personKey } from '../../ingest/person-key.ts'
import { openApiTransmission } from '../../ingest/transmission.repository.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { buildFacts } from './build-facts.ts'
import { clearHub, factRows } from './hub-fixtures.ts'

let store: TestStore
const partners: Record<string, number> = {}

beforeAll(async () => {
  store = await openTestStore()
  for (const [code, kind] of [
    ['CDC', 'CDC'],
    ['R84', 'REGION'],
    ['FT', 'FT'],
  ] as const) {
    partners[code] = (await addPartner(store.db, { code, name: code, kind })).partner.id
  }
})
afterAll(() => store.dispose())

async function send(code: string, raws: unknown[]) {
  const partnerId = partners[code]!
  const transmissionId = await openApiTransmission(store.db, partnerId, 'test')
  await applyBatch(store.db, { partnerId, transmissionId }, await items(raws))
}

/** CDC and FT both list R84's 1,800 € on a dossier R84 sends no record of. */
async function sendBothListingR84() {
  await send('CDC', [dossier({ sharedWith: [{ partner: 'FT', id: 'FT-7' }] })])
  await send('FT', [
    dossier({
      id: 'FT-7',
      dispositif: 'AIF',
      sharedWith: undefined,
      funding: [
        { funder: 'FT', committed: 900 },
        { funder: 'R84', committed: 1800 },
      ],
    }),
  ])
}

describe('buildFacts', () => {
  it('refuses a date of the data that is not a calendar date', async () => {
    await expect(buildFacts(store.db, { asOf: '2026-02-30' })).rejects.toThrow(
      'invalid asOf: "2026-02-30" (expected a YYYY-MM-DD date)',
    )
  })
})

describe('publish_fact_funding', () => {
  it('keeps one row per funder under the shared dossier’s key, each funder’s line once, cancelled records out', async () => {
    await send('CDC', [dossier()])
    await send('R84', [
      dossier({
        id: 'ARA-PRF-778',
        dispositif: 'PRF',
        status: 'ACCEPTE',
        entry: null,
        exit: null,
        certificationResult: null,
        sharedWith: [{ partner: 'CDC', id: 'CPF-2024-000123' }],
        funding: [{ funder: 'R84', committed: 1800 }],
        trainee: { residenceCommune: '35238' },
        training: { plannedStart: '2024-02-01' },
      }),
    ])
    await send('FT', [dossier({ id: 'FT-1', sharedWith: undefined, status: 'ANNULE' })])
    const built = await buildFacts(store.db, { asOf: '2026-11-01' })
    expect(built.rows).toEqual({ publish_fact_dossier: 1, publish_fact_funding: 2, publish_fact_cep: 0 })
    const common = {
      person_key: personKey('s', '2850575056048'),
      person_id: 1,
      person_rows: 2,
      dossier_key: 'CDC:CPF-2024-000123',
      sex: 'F',
      age_band: '26_44',
      organism_siret: '98765432100015',
    }
    expect(await factRows(store.db, 'publish_fact_funding', 'funder')).toEqual([
      {
        ...common,
        funder: 'CDC',
        funder_kind: 'CDC',
        dispositif: 'CPF',
        res_commune: '69123',
        res_departement: '69',
        res_region: '84',
        period_date: '2024-01-08',
        // The CDC record lists R84's 1,800 € too (the spec's example); R84's own record counts it.
        committed: 4200,
      },
      {
        ...common,
        funder: 'R84',
        funder_kind: 'REGION',
        dispositif: 'PRF',
        res_commune: '35238',
        res_departement: '35',
        res_region: '53',
        period_date: '2024-02-01',
        committed: 1800,
      },
    ])
  })

  it('credits a co-funder its line from the record that lists it when it sends none, once however many list it', async () => {
    await clearHub(store.db)
    await sendBothListingR84()
    await buildFacts(store.db, { asOf: '2026-11-01' })
    const rows = await factRows(store.db, 'publish_fact_funding', 'funder')
    expect(rows.map((r) => [r.funder, r.funder_kind, r.dispositif, r.committed])).toEqual([
      ['CDC', 'CDC', 'CPF', 4200],
      ['FT', 'FT', 'AIF', 900],
      ['R84', 'REGION', 'CPF', 1800],
    ])
    const dossiers = await factRows(store.db, 'publish_fact_dossier', 'dossier_key')
    expect(dossiers.map((r) => [r.dossier_key, r.committed])).toEqual([['CDC:CPF-2024-000123', 6900]])
  })

  it('credits the sender a line naming no registered partner', async () => {
    await clearHub(store.db)
    await send('FT', [
      dossier({
        id: 'FT-8',
        dispositif: 'AIF',
        sharedWith: undefined,
        funding: [
          { funder: 'FT', committed: 900 },
          { funder: 'XYZ', committed: 100 },
        ],
      }),
    ])
    await buildFacts(store.db, { asOf: '2026-11-01' })
    const rows = await factRows(store.db, 'publish_fact_funding', 'funder')
    expect(rows.map((r) => [r.funder, r.committed])).toEqual([['FT', 1000]])
  })
})

describe('buildFacts with two connections', () => {
  const tables = async () =>
    (
      await sql<{ name: string }>`select tablename as name from pg_tables
        where tablename like 'publish\_fact\_%' order by tablename`.execute(store.db)
    ).rows.map((r) => r.name)
  const indexes = async () =>
    (
      await sql<{ name: string }>`select indexname as name from pg_indexes
        where tablename = 'publish_fact_funding' order by indexname`.execute(store.db)
    ).rows.map((r) => r.name)
  const facts = async () => ({
    dossier: await factRows(store.db, 'publish_fact_dossier', 'dossier_key'),
    funding: await factRows(store.db, 'publish_fact_funding', 'dossier_key, funder'),
    cep: await factRows(store.db, 'publish_fact_cep', 'person_key'),
  })

  it('builds the funding fact table beside the others (on a server) with the same rows, indexes and counts as alone', async () => {
    await clearHub(store.db)
    await sendBothListingR84()
    const alone = await buildFacts(store.db, { asOf: '2026-11-01' })
    const rows = await facts()
    const beside = await buildFacts(store.db, { asOf: '2026-11-01', connections: 2 })
    // Beside on a server; the embedded store's one connection builds them one after the other.
    expect([alone.fundingBeside, beside.fundingBeside]).toEqual([false, store.url !== null])
    expect(beside.rows).toEqual(alone.rows)
    expect(await facts()).toEqual(rows)
    expect(rows.funding.map((r) => [r.funder, r.committed])).toEqual([
      ['CDC', 4200],
      ['FT', 900],
      ['R84', 1800],
    ])
    expect(await tables()).toEqual(['publish_fact_cep', 'publish_fact_dossier', 'publish_fact_funding'])
    expect(await indexes()).toEqual(['publish_fact_funding_few', 'publish_fact_funding_many'])
  })

  it('leaves the previous tables, rows and indexes when the build fails, whichever way it builds', async () => {
    const rows = await facts()
    const before = await indexes()
    // A view where the funding table is built: its `drop table` fails, on the second connection
    // on a server, in the one transaction otherwise.
    await sql`create view publish_fact_funding_next as select 1 as x`.execute(store.db)
    for (const connections of [2, 1])
      await expect(buildFacts(store.db, { asOf: '2026-11-01', connections })).rejects.toThrow(
        /publish_fact_funding_next/,
      )
    await sql`drop view publish_fact_funding_next`.execute(store.db)
    expect(await facts()).toEqual(rows)
    expect(await indexes()).toEqual(before)
    expect(await tables()).toEqual(['publish_fact_cep', 'publish_fact_dossier', 'publish_fact_funding'])
  })

  it('drops the table a build beside left when it failed, whichever way the next one builds', async () => {
    for (const connections of [1, 2]) {
      await sql`create table publish_fact_funding_next (x int)`.execute(store.db)
      await buildFacts(store.db, { asOf: '2026-11-01', connections })
      expect(await tables()).toEqual(['publish_fact_cep', 'publish_fact_dossier', 'publish_fact_funding'])
    }
  })
})
