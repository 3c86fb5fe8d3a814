import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertCeps, insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { type CepDashboardLine, readCepDashboard } from './cep-dashboard.repository.ts'
import { withPartner } from './partner-tx.ts'

let store: TestStore
let op: number
let other: number
let funder: number

beforeAll(async () => {
  store = await openTestStore()
  const rows = await store.db
    .insertInto('partner')
    .values([
      { code: 'APEC', name: 'Apec', kind: 'CEP' },
      { code: 'CIBC', name: 'CIBC', kind: 'CEP' },
      { code: 'RA', name: 'Région A', kind: 'REGION' },
    ])
    .returning('id')
    .execute()
  ;[op, other, funder] = rows.map((r) => r.id) as [number, number, number]
  // P1 (a woman of 38 at both starts, Lyon) twice; P2 (a man of 23, Paris); P3 (a man of 64, in a
  // commune the hub's list lacks); one cancelled period; a period of another operator about P1.
  await insertCeps(store.db, [
    { partner_id: op, record_id: 'C1', person_key: 'P1' },
    {
      partner_id: op,
      record_id: 'C2',
      person_key: 'P2',
      sex: 'M',
      birth_date: '2000-03-01',
      residence_commune: '75056',
      status_at_entry: 'DE_INDEMNISE',
      level: 1,
      start_date: '2024-02-10',
      end_date: null,
      end_reason: null,
    },
    {
      partner_id: op,
      record_id: 'C3',
      person_key: 'P1',
      residence_commune: '97411',
      start_date: '2024-02-20',
      end_date: '2024-05-01',
      end_reason: 'ABANDON',
    },
    {
      partner_id: op,
      record_id: 'C5',
      person_key: 'P3',
      sex: 'M',
      birth_date: '1960-01-01',
      residence_commune: '99999',
      start_date: '2024-04-02',
      end_date: null,
      end_reason: null,
    },
    { partner_id: op, record_id: 'C4', person_key: 'P4', start_date: '2024-03-01', cancelled: true },
    { partner_id: other, record_id: 'X1', person_key: 'P1', start_date: '2024-02-01' },
  ])
  // A training P1 entered within 12 months of C1's start: another funder's, never counted here.
  await insertDossiers(store.db, [
    { partner_id: funder, record_id: 'D1', person_key: 'P1', entry_date: '2024-01-08' },
  ])
})
afterAll(() => store.dispose())

const line = (
  key: string,
  periods: number,
  ended: number,
  formalisedRate: number | null,
): CepDashboardLine => ({
  key,
  periods,
  ended,
  formalisedRate,
})

describe('the CEP dashboard', () => {
  it('counts the operator’s own periods, cancelled ones left out, by start, status, level, sex and age, région, without suppression', async () => {
    const d = await withPartner(store.db, op, readCepDashboard)
    expect(d).toEqual({
      total: line('total', 4, 2, 0.5),
      byYear: [line('2023', 1, 1, 1), line('2024', 3, 1, 0)],
      byMonth: [line('2023-10', 1, 1, 1), line('2024-02', 2, 1, 0), line('2024-04', 1, 0, null)],
      byStatusAtEntry: [line('SAL_PRIVE', 3, 2, 0.5), line('DE_INDEMNISE', 1, 0, null)],
      byLevel: [line('1', 1, 0, null), line('2', 3, 2, 0.5)],
      bySexAge: [line('F:26_44', 2, 2, 0.5), line('M:moins_26', 1, 0, null), line('M:45_plus', 1, 0, null)],
      byRegion: [line('', 1, 0, null), line('04', 1, 1, 0), line('11', 1, 0, null), line('84', 1, 1, 1)],
    })
  })

  it('never counts another operator’s periods, even about the same person', async () => {
    const d = await withPartner(store.db, other, readCepDashboard)
    expect([d.total, d.byRegion]).toEqual([line('total', 1, 1, 1), [line('84', 1, 1, 1)]])
  })

  it('gives a partner without CEP periods a zero total and empty tables', async () => {
    expect(await withPartner(store.db, funder, readCepDashboard)).toEqual({
      total: line('total', 0, 0, null),
      byYear: [],
      byMonth: [],
      byStatusAtEntry: [],
      byLevel: [],
      bySexAge: [],
      byRegion: [],
    })
  })
})
