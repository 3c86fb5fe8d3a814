import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { buildFacts } from './build-facts.ts'
import { clearHub, factRows, insertCeps, insertDossiers } from './hub-fixtures.ts'

let store: TestStore
let apec: number
let cdc: number
const ASOF = '2025-12-31'

beforeAll(async () => {
  store = await openTestStore()
  apec = (await addPartner(store.db, { code: 'APEC', name: 'Apec', kind: 'CEP' })).partner.id
  cdc = (await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })).partner.id
})
afterAll(() => store.dispose())
beforeEach(() => clearHub(store.db))

const facts = async (asOf = ASOF) => {
  await buildFacts(store.db, { asOf })
  return factRows(store.db, 'publish_fact_cep', 'person_key, start_date')
}

describe('publish_fact_cep', () => {
  it('makes one row per period with its operator, person and residence', async () => {
    await insertCeps(store.db, [
      { partner_id: apec, person_key: 'P', birth_date: '1999-10-02', residence_commune: '13201' },
    ])
    expect(await facts()).toEqual([
      {
        person_key: 'P',
        person_id: 1,
        person_rows: 1,
        operator: 'APEC',
        level: 2,
        status_at_entry: 'SAL_PRIVE',
        sex: 'F',
        age_band: 'moins_26',
        res_commune: '13201',
        res_departement: '13',
        res_region: '93',
        start_date: '2023-10-01',
        followup_known: true,
        followed_by_training: false,
      },
    ])
  })

  it('counts a training entered from the start to start + 12 months, once 12 months have passed', async () => {
    const cases: [string, string, { entry: string; person?: string; status?: string } | null][] = [
      ['on-start', '2024-01-31', { entry: '2024-01-31' }],
      ['on-12-months', '2024-01-31', { entry: '2025-01-31' }],
      ['after-12-months', '2024-01-31', { entry: '2025-02-01' }],
      ['before-start', '2024-01-31', { entry: '2024-01-30' }],
      ['cancelled-dossier', '2024-01-31', { entry: '2024-03-01', status: 'ANNULE' }],
      ['other-person', '2024-01-31', { entry: '2024-03-01', person: 'someone-else' }],
      ['known-on-the-date', '2024-12-31', { entry: '2025-01-01' }],
      ['not-known-yet', '2025-01-01', { entry: '2025-01-02' }],
      ['no-training', '2024-01-31', null],
    ]
    await insertCeps(store.db, [
      ...cases.map(([person, start]) => ({
        partner_id: apec,
        record_id: person,
        person_key: person,
        start_date: start,
      })),
      { partner_id: apec, record_id: 'cancelled', person_key: 'cancelled', cancelled: true },
    ])
    await insertDossiers(
      store.db,
      cases.flatMap(([person, , d]) =>
        d
          ? [
              {
                partner_id: cdc,
                record_id: person,
                person_key: d.person ?? person,
                status: d.status ?? 'ENTRE',
                entry_date: d.entry,
                exit_date: null,
                exit_reason: null,
              },
            ]
          : [],
      ),
    )
    const rows = await facts()
    expect(rows.map((r) => [r.person_key, r.followup_known, r.followed_by_training])).toEqual([
      ['after-12-months', true, false],
      ['before-start', true, false],
      ['cancelled-dossier', true, false],
      ['known-on-the-date', true, true],
      ['no-training', true, false],
      ['not-known-yet', false, false],
      ['on-12-months', true, true],
      ['on-start', true, true],
      ['other-person', true, false],
    ])
  })

  it('knows no follow-up before the whole year of the start is observed at 12 months', async () => {
    // Started on 31 January 2024: its own 12 months end on 31 January 2025, its year's on 31 December 2025.
    await insertCeps(store.db, [
      { partner_id: apec, record_id: 'early', person_key: 'early', start_date: '2024-01-31' },
    ])
    await insertDossiers(store.db, [
      {
        partner_id: cdc,
        record_id: 'early',
        person_key: 'early',
        status: 'ENTRE',
        entry_date: '2024-05-02',
        exit_date: null,
        exit_reason: null,
      },
    ])
    const known = async (asOf: string) =>
      (await facts(asOf)).map((r) => [r.person_key, r.followup_known, r.followed_by_training])
    expect(await known('2025-12-30')).toEqual([['early', false, false]])
    expect(await known('2025-12-31')).toEqual([['early', true, true]])
  })
})
