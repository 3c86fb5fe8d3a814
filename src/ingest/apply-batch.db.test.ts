import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dossier, exampleCep, items, nir15 } from '../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { applyBatch } from './apply-batch.ts'
import { openApiTransmission } from './transmission.repository.ts'

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

beforeEach(async () => {
  for (const t of [
    'dossier_version',
    'dossier_current',
    'cep_version',
    'cep_current',
    'person_identity',
    'shared_link',
    'shared_reference',
    'rejected_record',
  ]) {
    await sql.raw(`delete from ${t}`).execute(store.db)
  }
})

async function send(code: string, raws: unknown[]) {
  const partnerId = partners[code]!
  const transmissionId = await openApiTransmission(store.db, partnerId, 'test')
  const results = await applyBatch(store.db, { partnerId, transmissionId }, await items(raws))
  return results.map((r) => r.outcome)
}

describe('version rules', () => {
  it('creates, updates, and keeps every accepted version', async () => {
    expect(
      await send('CDC', [dossier({ version: 1, status: 'ENTRE', exit: null, certificationResult: null })]),
    ).toEqual(['created'])
    expect(await send('CDC', [dossier({ version: 2 })])).toEqual(['updated'])
    const versions = await store.db
      .selectFrom('dossier_version')
      .select(['record_id', 'version'])
      .orderBy('version')
      .execute()
    expect(versions).toEqual([
      { record_id: 'CPF-2024-000123', version: 1 },
      { record_id: 'CPF-2024-000123', version: 2 },
    ])
    const current = await store.db
      .selectFrom('dossier_current')
      .select(['version', 'status', 'exit_date'])
      .executeTakeFirstOrThrow()
    expect(current).toEqual({ version: 2, status: 'SORTI', exit_date: '2024-06-28' })
  })

  it('answers unchanged for a retry of the same version whatever the key order', async () => {
    const original = dossier({ version: 3 })
    const reordered = Object.fromEntries(Object.entries(original).reverse())
    expect(await send('CDC', [original])).toEqual(['created'])
    expect(await send('CDC', [reordered, original])).toEqual(['unchanged', 'unchanged'])
    const count = await sql<{ n: number }>`select count(*)::int as n from dossier_version`.execute(store.db)
    expect(count.rows[0]!.n).toBe(1)
  })

  it('rejects a lower version as stale and keeps the stored one', async () => {
    await send('CDC', [dossier({ version: 5 })])
    expect(await send('CDC', [dossier({ version: 4, status: 'ANNULE' })])).toEqual(['stale'])
    const current = await store.db
      .selectFrom('dossier_current')
      .select(['version', 'status'])
      .executeTakeFirstOrThrow()
    expect(current).toEqual({ version: 5, status: 'SORTI' })
    const rejected = await store.db
      .selectFrom('rejected_record')
      .select(['outcome', 'errors'])
      .executeTakeFirstOrThrow()
    expect(rejected.outcome).toBe('stale')
    expect(rejected.errors).toEqual([
      {
        path: '/version',
        code: 'version/stale',
        message:
          'version 4 is lower than the stored version 5 (a version must grow with every change; the stored one is kept)',
      },
    ])
  })

  it('rejects the same version with other content as a conflict', async () => {
    await send('CDC', [dossier({ version: 2 })])
    expect(await send('CDC', [dossier({ version: 2, status: 'ANNULE' })])).toEqual(['conflict'])
  })

  it('applies several versions of one record in one batch in order', async () => {
    const outcomes = await send('CDC', [
      dossier({ version: 1, status: 'ACCEPTE', entry: null, exit: null, certificationResult: null }),
      dossier({ version: 2 }),
      dossier({ version: 1 }),
    ])
    expect(outcomes).toEqual(['created', 'updated', 'stale'])
  })

  it('stores valid records of a mixed batch and reports the others', async () => {
    const outcomes = await send('CDC', [
      dossier({ id: 'A1' }),
      dossier({ id: 'A2', dispositif: 'NOPE' }),
      exampleCep(),
    ])
    expect(outcomes).toEqual(['created', 'invalid', 'created'])
    const ids = await store.db.selectFrom('dossier_current').select('record_id').execute()
    expect(ids).toEqual([{ record_id: 'A1' }])
  })

  it('stores versions beyond 32 bits (epoch milliseconds) and compares them exactly', async () => {
    expect(await send('CDC', [dossier({ version: 1732780800000 })])).toEqual(['created'])
    expect(
      await send('CDC', [
        dossier({ version: 1732780800001, status: 'ANNULE' }),
        dossier({ version: 1732780800000 }),
      ]),
    ).toEqual(['updated', 'stale'])
    const current = await store.db
      .selectFrom('dossier_current')
      .select(['version', 'status'])
      .executeTakeFirstOrThrow()
    expect(current).toEqual({ version: 1732780800001, status: 'ANNULE' })
  })

  it('stores the other records of a batch when one carries text the database cannot hold', async () => {
    const bad = JSON.parse(JSON.stringify(dossier({ id: 'U1' })).replace('"Marie"', '"Marie\\ud800"'))
    expect(await send('CDC', [bad, dossier({ id: 'U2' })])).toEqual(['invalid', 'created'])
  })

  it('keeps the organism’s NDA beside its SIRET, and its absence', async () => {
    const siret = (dossier().training as { organism: { siret: string } }).organism.siret
    expect(
      await send('CDC', [dossier({ version: 1, training: { organism: { siret, nda: '84691234567' } } })]),
    ).toEqual(['created'])
    expect(
      await send('R84', [dossier({ version: 1, training: { organism: { siret, nda: null } } })]),
    ).toEqual(['created'])
    const rows = await store.db
      .selectFrom('dossier_current')
      .select(['partner_id', 'organism_siret', 'organism_nda'])
      .orderBy('partner_id')
      .execute()
    expect(rows).toEqual([
      { partner_id: partners.CDC, organism_siret: siret, organism_nda: '84691234567' },
      { partner_id: partners.R84, organism_siret: siret, organism_nda: null },
    ])
  })

  it('keeps the clear identity out of stored snapshots', async () => {
    await send('CDC', [dossier()])
    const row = await store.db.selectFrom('dossier_version').select('payload').executeTakeFirstOrThrow()
    expect(JSON.stringify(row.payload)).not.toContain('2850575056048')
    expect(JSON.stringify(row.payload)).not.toContain('DUPONT')
    const identity = await store.db
      .selectFrom('person_identity')
      .select(['nir', 'birth_name', 'birth_name_norm'])
      .executeTakeFirstOrThrow()
    expect(identity).toEqual({ nir: '2850575056048', birth_name: 'DUPONT', birth_name_norm: 'DUPONT' })
  })
})

describe('shared dossiers', () => {
  const cpf = () => dossier({ id: 'CPF-1', sharedWith: [{ partner: 'R84', id: 'ARA-1' }] })
  const region = () => dossier({ id: 'ARA-1', dispositif: 'PRF', sharedWith: undefined })
  const ft = () =>
    dossier({
      id: 'FT-1',
      dispositif: 'AIF',
      sharedWith: undefined,
      training: { plannedStart: '2024-01-20' },
    })

  async function groups() {
    const rows = await store.db
      .selectFrom('dossier_current')
      .select(['record_id', 'shared_dossier_id'])
      .orderBy('record_id')
      .execute()
    return Object.fromEntries(rows.map((r) => [r.record_id, r.shared_dossier_id]))
  }

  const orders: [string, () => Record<string, any>][][] = [
    [
      ['CDC', cpf],
      ['R84', region],
      ['FT', ft],
    ],
    [
      ['CDC', cpf],
      ['FT', ft],
      ['R84', region],
    ],
    [
      ['R84', region],
      ['CDC', cpf],
      ['FT', ft],
    ],
    [
      ['R84', region],
      ['FT', ft],
      ['CDC', cpf],
    ],
    [
      ['FT', ft],
      ['CDC', cpf],
      ['R84', region],
    ],
    [
      ['FT', ft],
      ['R84', region],
      ['CDC', cpf],
    ],
  ]
  for (const order of orders) {
    it(`links declared and matched co-funders whatever the arrival order (${order.map((o) => o[0]).join(' → ')})`, async () => {
      for (const [code, make] of order) await send(code, [make()])
      // CPF names ARA-1 (declared); FT-1 matches both by person, SIRET, certification, start within 31 days.
      expect(await groups()).toEqual({ 'ARA-1': 'CDC:CPF-1', 'CPF-1': 'CDC:CPF-1', 'FT-1': 'CDC:CPF-1' })
      const links = await store.db
        .selectFrom('shared_link')
        .select(['record_id', 'other_record_id', 'reason'])
        .orderBy('record_id')
        .orderBy('other_record_id')
        .execute()
      expect(links).toEqual(
        [
          { record_id: 'ARA-1', other_record_id: 'CPF-1', reason: 'declared' },
          { record_id: 'ARA-1', other_record_id: 'FT-1', reason: 'matched' },
          { record_id: 'CPF-1', other_record_id: 'FT-1', reason: 'matched' },
          { record_id: 'CPF-1', other_record_id: 'ARA-1', reason: 'declared' },
          { record_id: 'FT-1', other_record_id: 'ARA-1', reason: 'matched' },
          { record_id: 'FT-1', other_record_id: 'CPF-1', reason: 'matched' },
        ].sort((a, b) => (a.record_id + a.other_record_id).localeCompare(b.record_id + b.other_record_id)),
      )
    })
  }

  // Three persons: a sharedWith naming a record of another person (a NIR typo) links across them.
  const other = (id: string, nir13: string, extra: Record<string, any> = {}) =>
    dossier({ id, sharedWith: undefined, trainee: { nir: nir15(nir13) }, ...extra })
  const naming = (version: number, ref?: { partner: string; id: string }) =>
    dossier({ id: 'ARA-1', version, dispositif: 'PRF', sharedWith: ref ? [ref] : undefined })

  async function linkRows() {
    return store.db
      .selectFrom('shared_link')
      .select(['record_id', 'other_record_id'])
      .orderBy('record_id')
      .execute()
  }

  it('a sharedWith removed across persons takes the record it named out of the group', async () => {
    await send('FT', [other('FT-9', '1850575056049')])
    await send('R84', [naming(1, { partner: 'FT', id: 'FT-9' })])
    expect(await groups()).toEqual({ 'ARA-1': 'FT:FT-9', 'FT-9': 'FT:FT-9' })
    await send('R84', [naming(2)])
    expect([await groups(), await linkRows()]).toEqual([{ 'ARA-1': null, 'FT-9': null }, []])
  })

  it('a sharedWith corrected to another record across persons leaves the first one alone', async () => {
    await send('FT', [other('FT-9', '1850575056049')])
    await send('CDC', [other('CPF-7', '2900575056047', { dispositif: 'CPF' })])
    await send('R84', [naming(1, { partner: 'FT', id: 'FT-9' })])
    await send('R84', [naming(2, { partner: 'CDC', id: 'CPF-7' })])
    expect(await groups()).toEqual({ 'ARA-1': 'CDC:CPF-7', 'CPF-7': 'CDC:CPF-7', 'FT-9': null })
    // A later link of the corrected record does not bring the first one back.
    await send('R84', [naming(3, { partner: 'CDC', id: 'CPF-7' })])
    expect((await groups())['FT-9']).toBeNull()
  })

  // Only a server runs two transactions at once.
  it.runIf(process.env.PASSERELLE_TEST_STORE === 'pg')(
    'waits for a person linked across persons that another transaction is relinking',
    async () => {
      await send('FT', [other('FT-9', '1850575056049')])
      await send('R84', [naming(1, { partner: 'FT', id: 'FT-9' })])
      const { person_key: linked } = await store.db
        .selectFrom('dossier_current')
        .select('person_key')
        .where('record_id', '=', 'FT-9')
        .executeTakeFirstOrThrow()
      // Another transaction holds FT-9's person, as a batch of FT relinking it would.
      const holder = new pg.Client({ connectionString: store.url! })
      await holder.connect()
      try {
        await holder.query('select pg_advisory_lock(4243, hashtext($1))', [linked])
        let settled = false
        const batch = send('R84', [naming(2, { partner: 'FT', id: 'FT-9' })]).finally(() => {
          settled = true
        })
        // The batch reaches FT-9's person through the link, and waits for it.
        await waitFor(async () => {
          const { rows } = await holder.query(
            `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
              where d.datname = current_database() and l.locktype = 'advisory' and l.classid = 4243 and not l.granted`,
          )
          return rows[0].n === 1
        })
        expect(settled).toBe(false)
        await holder.query('select pg_advisory_unlock(4243, hashtext($1))', [linked])
        expect(await batch).toEqual(['updated'])
        expect(await groups()).toEqual({ 'ARA-1': 'FT:FT-9', 'FT-9': 'FT:FT-9' })
      } finally {
        await holder.end()
      }
    },
  )

  it.runIf(process.env.PASSERELLE_TEST_STORE === 'pg')(
    'relinks both ends of a link across persons sent at once without a deadlock',
    async () => {
      const ft = (version: number) => other('FT-9', '1850575056049', { version })
      await send('FT', [ft(1)])
      await send('R84', [naming(1, { partner: 'FT', id: 'FT-9' })])
      // Each batch locks its own person, then reaches the other's through the link.
      for (let v = 2; v <= 11; v++) {
        const both = await Promise.all([
          send('R84', [naming(v, { partner: 'FT', id: 'FT-9' })]),
          send('FT', [ft(v)]),
        ])
        expect(both).toEqual([['updated'], ['updated']])
      }
      expect(await groups()).toEqual({ 'ARA-1': 'FT:FT-9', 'FT-9': 'FT:FT-9' })
    },
  )

  it('a chain of sharedWith across many persons is one shared dossier, whatever the arrival order', async () => {
    // CDC's and FT's records alternate, each naming the next; the middle one arrives last.
    const nir = (i: number) => `18505750${String(56000 + i).padStart(5, '0')}`
    const link = (i: number) => {
      const code = i % 2 === 0 ? 'CDC' : 'FT'
      const next = i + 1 < 20 ? { partner: i % 2 === 0 ? 'FT' : 'CDC', id: `C-${i + 1}` } : undefined
      return [
        code,
        other(`C-${i}`, nir(i), {
          dispositif: code === 'CDC' ? 'CPF' : 'AIF',
          sharedWith: next ? [next] : undefined,
        }),
      ] as const
    }
    for (const i of [...Array(20).keys()].filter((i) => i !== 10).concat(10)) {
      const [code, record] = link(i)
      await send(code, [record])
    }
    expect(new Set(Object.values(await groups()))).toEqual(new Set(['CDC:C-0']))
  })

  it('unlinks a record when a new version no longer matches', async () => {
    await send('CDC', [dossier({ id: 'CPF-1', sharedWith: undefined })])
    await send('FT', [ft()])
    expect(await groups()).toEqual({ 'CPF-1': 'CDC:CPF-1', 'FT-1': 'CDC:CPF-1' })
    await send('FT', [
      dossier({
        id: 'FT-1',
        version: 2,
        dispositif: 'AIF',
        sharedWith: undefined,
        training: { plannedStart: '2024-04-20', plannedEnd: '2024-07-01' },
      }),
    ])
    expect(await groups()).toEqual({ 'CPF-1': null, 'FT-1': null })
  })
})

/** Polls `check` until it holds (every 20 ms, at most 10 s). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('condition not reached in 10 s')
}
