import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { auditPages, listAudit } from './audit.repository.ts'
import { insertPartners } from './test-fixtures.ts'

let store: TestStore
let ra: number
let ob: number
let fc: number

beforeAll(async () => {
  store = await openTestStore()
  ;[ra, ob, fc] = (await insertPartners(store.db, ['RA', 'OB', 'FC'])) as [number, number, number]
  // RA's A1 and OB's B1 are one shared dossier; A2 and C1 stand alone.
  await insertDossiers(store.db, [
    { partner_id: ra, record_id: 'A1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: ob, record_id: 'B1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: ra, record_id: 'A2', person_key: 'P2' },
    { partner_id: fc, record_id: 'C1', person_key: 'P3' },
  ])
  const read = (
    partner_id: number,
    at: string,
    route: string,
    dossiers: string[],
    actor = `token:${partner_id}`,
  ) => ({
    partner_id,
    at: new Date(at),
    actor,
    route,
    dossiers,
  })
  await store.db
    .insertInto('access_audit')
    .values([
      read(ra, '2026-11-30T23:59:59Z', 'GET /api/v1/dossiers/{id}', ['A1']),
      read(ob, '2026-12-01T00:00:00Z', 'GET /api/v1/dossiers/{id}', ['B1']),
      read(ra, '2026-12-01T12:00:00Z', 'GET /api/v1/export.csv', ['A2', 'OB:B1'], 'user:ana@ra.fr'),
      read(ra, '2026-12-02T23:59:59Z', 'GET /api/v1/dossiers/{id}', ['A2']),
      read(fc, '2026-12-03T00:00:00Z', 'GET /api/v1/dossiers/{id}', ['C1']),
    ])
    .execute()
})
afterAll(() => store.dispose())

const routes = (rows: { partner: string; route: string; dossiers: readonly string[] }[]) =>
  rows.map((r) => `${r.partner} ${r.route} ${r.dossiers.join(',')}`)

describe('the audit log as the operator reads it', () => {
  it('finds every read that showed a record: its owner’s, a co-funder’s of the same shared dossier, an export naming it', async () => {
    expect(routes(await listAudit(store.db, { dossier: { partnerId: ob, recordId: 'B1' } }))).toEqual([
      'RA GET /api/v1/dossiers/{id} A1',
      'OB GET /api/v1/dossiers/{id} B1',
      'RA GET /api/v1/export.csv A2,OB:B1',
    ])
    expect(routes(await listAudit(store.db, { dossier: { partnerId: ra, recordId: 'A2' } }))).toEqual([
      'RA GET /api/v1/export.csv A2,OB:B1',
      'RA GET /api/v1/dossiers/{id} A2',
    ])
  })

  it('does not take another partner’s record of the same id for the one asked about', async () => {
    expect(await listAudit(store.db, { dossier: { partnerId: fc, recordId: 'A2' } })).toEqual([])
  })

  it('bounds the reads by whole UTC days, both ends included, and by the partner that read', async () => {
    expect(routes(await listAudit(store.db, { since: '2026-12-01', until: '2026-12-02' }))).toEqual([
      'OB GET /api/v1/dossiers/{id} B1',
      'RA GET /api/v1/export.csv A2,OB:B1',
      'RA GET /api/v1/dossiers/{id} A2',
    ])
    expect(routes(await listAudit(store.db, { partnerId: ra, until: '2026-11-30' }))).toEqual([
      'RA GET /api/v1/dossiers/{id} A1',
    ])
  })

  it('lists what one token or account read, nothing of the partner’s other actors', async () => {
    expect([
      routes(await listAudit(store.db, { actor: 'user:ana@ra.fr' })),
      routes(await listAudit(store.db, { actor: `token:${ra}` })),
      await listAudit(store.db, { actor: 'user:bob@ra.fr' }),
    ]).toEqual([
      ['RA GET /api/v1/export.csv A2,OB:B1'],
      ['RA GET /api/v1/dossiers/{id} A1', 'RA GET /api/v1/dossiers/{id} A2'],
      [],
    ])
  })

  it('streams the log in pages, oldest first, none left out or repeated', async () => {
    const pages: number[] = []
    const seen: string[] = []
    for await (const page of auditPages(store.db, {}, 2)) {
      pages.push(page.length)
      seen.push(...routes(page))
    }
    expect(pages).toEqual([2, 2, 1])
    expect(seen).toEqual(routes(await listAudit(store.db, {})))
  })
})
