import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { listAudit } from './audit.repository.ts'
import { readDashboard } from './dashboard.repository.ts'
import { exportLines } from './export.ts'
import { withPartner } from './partner-tx.ts'
import { readQuality } from './quality.repository.ts'
import { insertPartners, permanentContract } from './test-fixtures.ts'

let store: TestStore
let a: number
let b: number

beforeAll(async () => {
  store = await openTestStore()
  ;[a, b] = (await insertPartners(store.db, ['RA', 'OB'])) as [number, number]
  await insertDossiers(store.db, [
    { partner_id: a, record_id: 'A1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: b, record_id: 'B1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: a, record_id: 'A2', person_key: 'P2', dispositif: 'PRF', certification_result: 'ECHEC' },
    { partner_id: a, record_id: 'A3', person_key: 'P3', exit_date: null, status: 'ENTRE' },
    { partner_id: a, record_id: 'A4', person_key: 'P4', planned_start: '2024-02-05' },
    { partner_id: b, record_id: 'B2', person_key: 'P5' },
  ])
  await store.db
    .updateTable('dossier_current')
    .set({ offer_ref: 'NOPE' })
    .where('record_id', '=', 'A3')
    .execute()
  await store.db.insertInto('dsn_contract').values(permanentContract('P1', '2024-09-01')).execute()
})
afterAll(() => store.dispose())

async function collect(lines: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = []
  for await (const chunk of lines) out.push(chunk)
  return out
}

describe('partner reads', () => {
  it('exports in batches every record the partner may read, one audit row per batch', async () => {
    const chunks = await collect(exportLines(store.db, a, 'token:RA', 2))
    const rows = chunks.join('').trim().split('\n').slice(1)
    expect(rows.map((r) => r.split(',').slice(1, 4))).toEqual([
      ['RA', 'A1', 'true'],
      ['RA', 'A2', 'true'],
      ['RA', 'A3', 'true'],
      ['RA', 'A4', 'true'],
      ['OB', 'B1', 'false'],
    ])
    expect(chunks).toHaveLength(4) // the header, then batches of 2, 2 and 1
    const audit = await listAudit(store.db, { partnerId: a })
    expect(audit.map((r) => r.dossiers)).toEqual([['A1', 'A2'], ['A3', 'A4'], ['OB:B1']])
  })

  it('counts the partner’s own dossiers by month and dispositif with outcome rates, without suppression', async () => {
    const d = await withPartner(store.db, a, (scope) => readDashboard(scope, '2026-11-28'))
    // A1's person holds a CDI at exit + 6 months.
    expect(d.total).toEqual({
      key: 'total',
      dossiers: 4,
      exited: 3,
      certifiedRate: 2 / 3,
      employed6Rate: 1 / 3,
    })
    expect(d.byDispositif).toEqual([
      { key: 'CPF', dossiers: 3, exited: 2, certifiedRate: 1, employed6Rate: 0.5 },
      { key: 'PRF', dossiers: 1, exited: 1, certifiedRate: 0, employed6Rate: 0 },
    ])
    expect(d.byMonth.map((l) => [l.key, l.dossiers])).toEqual([
      ['2024-01', 3],
      ['2024-02', 1],
    ])
    const withJob = await withPartner(store.db, b, (scope) => readDashboard(scope, '2026-11-28'))
    expect(withJob.total.employed6Rate).toBe(0.5) // B1's person holds a CDI at exit + 6 months; B2's does not
  })

  it('shows the partner its identities not certified and its offers unknown to the catalogue', async () => {
    const q = await withPartner(store.db, a, (scope) => readQuality(scope))
    expect(q.identities).toEqual({ records: 4, notCertified: 4 })
    expect(q.unknownOffers).toEqual({ count: 1, sample: [{ id: 'A3', offerRef: 'NOPE' }] })
    expect([q.transmissions, q.byMonth, q.rejectionsByRule]).toEqual([[], [], []])
  })
})
