import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { withPartner } from './partner-tx.ts'
import { flagCountsByPartner, readReferentialFlags } from './referential-flags.repository.ts'
import { insertPartners } from './test-fixtures.ts'

let store: TestStore
let ra: number
let ob: number

const KNOWN = '11111111111111'
const OTHER = '22222222222222'
const NO_NDA = '33333333333333'
const UNKNOWN = '99999999999999'

beforeAll(async () => {
  store = await openTestStore()
  ;[ra, ob] = (await insertPartners(store.db, ['RA', 'OB'])) as [number, number]
  await insertDossiers(store.db, [
    { partner_id: ra, record_id: 'A1', person_key: 'P1', organism_siret: KNOWN },
    { partner_id: ra, record_id: 'A2', person_key: 'P2', organism_siret: KNOWN },
    { partner_id: ra, record_id: 'A3', person_key: 'P3', organism_siret: OTHER },
    { partner_id: ra, record_id: 'A4', person_key: 'P4', organism_siret: UNKNOWN },
    { partner_id: ra, record_id: 'A5', person_key: 'P5', organism_siret: KNOWN },
    { partner_id: ra, record_id: 'A6', person_key: 'P6', organism_siret: NO_NDA },
    { partner_id: ob, record_id: 'B1', person_key: 'P7', organism_siret: UNKNOWN },
  ])
  const set = (id: string, offer_ref: string | null, organism_nda: string | null) =>
    store.db
      .updateTable('dossier_current')
      .set({ offer_ref, organism_nda })
      .where('record_id', '=', id)
      .execute()
  await set('A1', 'O1', '84000000001')
  await set('A2', 'NOPE', null)
  await set('A3', 'O1', null)
  await set('A5', null, '84000000999')
  await set('A6', null, '84000000003')
})
afterAll(() => store.dispose())

const read = (partner: number) => withPartner(store.db, partner, (scope) => readReferentialFlags(scope))

describe('what the referentials flag in a partner’s dossiers', () => {
  it('checks nothing against a referential never loaded', async () => {
    expect(await flagCountsByPartner(store.db)).toEqual([])
    expect(await read(ra)).toEqual({
      unknownOffer: null,
      offerOrganismDiffers: null,
      unknownSiret: null,
      ndaDiffers: null,
      unknownCertification: null,
      inactiveCertification: null,
    })
  })

  it('flags an unknown offer, an organism other than the offer’s, an unknown SIRET, an NDA the referential does not give that SIRET, a certification not registered on the training’s start', async () => {
    await store.db
      .insertInto('organism')
      .values([
        { siret: KNOWN, nda: '84000000001', name: 'Organisme connu', commune: '69123', qualiopi: true },
        { siret: OTHER, nda: '84000000002', name: 'Autre organisme', commune: '69123', qualiopi: true },
        { siret: NO_NDA, nda: null, name: 'Sans NDA', commune: '69123', qualiopi: false },
      ])
      .execute()
    await store.db.insertInto('catalogue_offer').values({ offer_ref: 'O1', siret: KNOWN }).execute()
    // The fixture's dossiers aim at RNCP37674 (registered from their start, 2024-01-08, with no
    // end), except A2, which aims at none, A3, at one the register lacks, and A4 to A6 at RNCP40000,
    // registered until 2023-12-31: A4 starts the day after, A5 entered the day after although
    // planned before, A6 entered on the last day although planned after.
    await store.db
      .insertInto('certification')
      .values([
        { code: 'RNCP37674', type: 'RNCP', title: 'Titre', level: 5, active_from: '2024-01-08' },
        {
          code: 'RNCP40000',
          type: 'RNCP',
          title: 'Titre retiré',
          level: 5,
          active_from: '2019-01-01',
          active_to: '2023-12-31',
        },
      ])
      .execute()
    const starts = (id: string, planned_start: string, entry_date: string | null) =>
      store.db
        .updateTable('dossier_current')
        .set({ certification_code: 'RNCP40000', planned_start, entry_date })
        .where('record_id', '=', id)
        .execute()
    await starts('A4', '2024-01-01', null)
    await starts('A5', '2023-12-15', '2024-01-01')
    await starts('A6', '2024-02-01', '2023-12-31')
    await store.db
      .updateTable('dossier_current')
      .set({ certification_code: null })
      .where('record_id', '=', 'A2')
      .execute()
    await store.db
      .updateTable('dossier_current')
      .set({ certification_code: 'RNCP11111' })
      .where('record_id', '=', 'A3')
      .execute()
    expect(await read(ra)).toEqual({
      unknownOffer: { count: 1, sample: [{ id: 'A2', offerRef: 'NOPE' }] },
      offerOrganismDiffers: {
        count: 1,
        sample: [{ id: 'A3', offerRef: 'O1', siret: OTHER, catalogueSiret: KNOWN }],
      },
      unknownSiret: { count: 1, sample: [{ id: 'A4', siret: UNKNOWN }] },
      ndaDiffers: {
        count: 2,
        sample: [
          { id: 'A5', siret: KNOWN, nda: '84000000999', referentialNda: '84000000001' },
          { id: 'A6', siret: NO_NDA, nda: '84000000003', referentialNda: null },
        ],
      },
      unknownCertification: { count: 1, sample: [{ id: 'A3', code: 'RNCP11111' }] },
      inactiveCertification: {
        count: 2,
        sample: [
          {
            id: 'A4',
            code: 'RNCP40000',
            start: '2024-01-01',
            activeFrom: '2019-01-01',
            activeTo: '2023-12-31',
          },
          {
            id: 'A5',
            code: 'RNCP40000',
            start: '2024-01-01',
            activeFrom: '2019-01-01',
            activeTo: '2023-12-31',
          },
        ],
      },
    })
  })

  it('shows a partner only its own dossiers', async () => {
    expect(await read(ob)).toEqual({
      unknownOffer: { count: 0, sample: [] },
      offerOrganismDiffers: { count: 0, sample: [] },
      unknownSiret: { count: 1, sample: [{ id: 'B1', siret: UNKNOWN }] },
      ndaDiffers: { count: 0, sample: [] },
      unknownCertification: { count: 0, sample: [] },
      inactiveCertification: { count: 0, sample: [] },
    })
  })

  it('counts for the operator every partner’s flagged dossiers, check by check, only partners with some', async () => {
    expect(await flagCountsByPartner(store.db)).toEqual([
      {
        partner: 'OB',
        unknownOffer: 0,
        offerOrganismDiffers: 0,
        unknownSiret: 1,
        ndaDiffers: 0,
        unknownCertification: 0,
        inactiveCertification: 0,
      },
      {
        partner: 'RA',
        unknownOffer: 1,
        offerOrganismDiffers: 1,
        unknownSiret: 1,
        ndaDiffers: 2,
        unknownCertification: 1,
        inactiveCertification: 2,
      },
    ])
  })
})
