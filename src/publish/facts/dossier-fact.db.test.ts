import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dossier, items } from '../../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { applyBatch } from '../../ingest/apply-batch.ts'
import { personKey } from '../../ingest/person-key.ts'
import { openApiTransmission } from '../../ingest/transmission.repository.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { buildFacts } from './build-facts.ts'
import { clearHub, type DossierRow, factRows, insertDossiers } from './hub-fixtures.ts'

let store: TestStore
const partners: Record<string, number> = {}
const ASOF = '2026-11-01'
const MARIE = personKey('s', '2850575056048')

beforeAll(async () => {
  store = await openTestStore()
  for (const [code, kind] of [
    ['CDC', 'CDC'],
    ['R84', 'REGION'],
    ['FT', 'FT'],
  ] as const) {
    partners[code] = (await addPartner(store.db, { code, name: code, kind })).partner.id
  }
  // The example's organism, in Rennes (Bretagne); other SIRETs are unknown to the referential.
  await store.db
    .insertInto('organism')
    .values({ siret: '98765432100015', nda: null, name: 'OF', commune: '35238', qualiopi: true })
    .execute()
})
afterAll(() => store.dispose())
beforeEach(() => clearHub(store.db))

async function send(code: string, raws: unknown[]) {
  const partnerId = partners[code]!
  const transmissionId = await openApiTransmission(store.db, partnerId, 'test')
  const results = await applyBatch(store.db, { partnerId, transmissionId }, await items(raws))
  expect(results.map((r) => r.outcome)).toEqual(raws.map(() => 'created'))
}

const facts = async () => {
  await buildFacts(store.db, { asOf: ASOF })
  return factRows(store.db, 'publish_fact_dossier', 'dossier_key')
}

/** The fact row of the spec's example dossier sent alone by CDC, with changes. */
function exampleFact(changes: Record<string, unknown> = {}) {
  return {
    dossier_key: 'CDC:CPF-2024-000123',
    person_key: MARIE,
    person_id: 1,
    person_rows: 1,
    status: 'SORTI',
    entry_date: '2024-01-08',
    exit_date: '2024-06-28',
    res_commune: '69123',
    res_departement: '69',
    res_region: '84',
    qpv: false,
    place_departement: '75',
    place_region: '11',
    dispositif: 'CPF',
    funder: 'CDC',
    funder_kind: 'CDC',
    status_at_entry: 'DE_INDEMNISE',
    sex: 'F',
    age_band: '26_44',
    cert_level: '5',
    nsf_domain: '3',
    nsf_group: '326',
    modality: 'MIXTE',
    organism_siret: '98765432100015',
    organism_region: '53',
    planned_hours: 700,
    hours_completed: 690,
    committed: 6000,
    abandoned: false,
    certifying: true,
    certification_known: true,
    certified: true,
    emp6_known: true,
    emp6_salaried: false,
    emp6_lasting: false,
    emp6_access: false,
    emp6_in_training: false,
    emp12_known: true,
    emp12_salaried: false,
    emp12_in_training: false,
    ...changes,
  }
}

// The co-funder's record of the example: a Région top-up, naming the CPF dossier.
const regionRecord = (changes: Record<string, unknown> = {}) =>
  dossier({
    id: 'ARA-PRF-778',
    dispositif: 'PRF',
    sharedWith: [{ partner: 'CDC', id: 'CPF-2024-000123' }],
    funding: [{ funder: 'R84', committed: 1800 }],
    ...changes,
  })

describe('publish_fact_dossier from ingested records', () => {
  it('makes a dossier of one record its own row, with the referentials’ geography', async () => {
    await send('CDC', [dossier({ sharedWith: undefined })])
    expect(await facts()).toEqual([exampleFact()])
  })

  it('counts a shared dossier once: the lead’s attributes, each funder’s commitment once', async () => {
    await send('CDC', [dossier()])
    await send('R84', [regionRecord({ status: 'ENTRE', exit: null, certificationResult: null })])
    // CDC's 4,200 € and R84's 1,800 €, which the CDC record lists too.
    expect(await facts()).toEqual([exampleFact({ committed: 6000 })])
  })

  it('takes the exit from a co-funder when the lead has not exited, and a result a co-funder knows', async () => {
    await send('CDC', [dossier({ certificationResult: 'INCONNU' })])
    await send('R84', [
      regionRecord({
        status: 'ENTRE',
        entry: { date: '2024-01-09' },
        exit: null,
        certificationResult: null,
        funding: [{ funder: 'R84', committed: 9000 }],
        trainee: { residenceCommune: '35238', qpv: 'QN03501M' },
      }),
    ])
    await send('FT', [
      dossier({
        id: 'FT-1',
        sharedWith: [{ partner: 'R84', id: 'ARA-PRF-778' }],
        exit: { date: '2024-06-28', reason: 'FIN_PARCOURS', hoursCompleted: 650 },
        certificationResult: 'PARTIELLE',
        funding: [{ funder: 'FT', committed: 100 }],
      }),
    ])
    expect(await facts()).toEqual([
      exampleFact({
        dispositif: 'PRF',
        funder: 'R84',
        funder_kind: 'REGION',
        res_commune: '35238',
        res_departement: '35',
        res_region: '53',
        qpv: true,
        // CDC 4,200, R84 9,000 as its own record says (not the 1,800 the CDC record lists), FT 100.
        committed: 13300,
        certified: false,
      }),
    ])
  })

  it('leaves cancelled records out, so a cancelled lead hands over to the next record', async () => {
    await send('CDC', [dossier({ status: 'ANNULE' })])
    await send('R84', [regionRecord()])
    // Another person's cancelled dossier: no row at all.
    await send('FT', [
      dossier({ id: 'FT-9', sharedWith: undefined, status: 'ANNULE', trainee: { nir: '1900175056123' } }),
    ])
    expect(await facts()).toEqual([
      exampleFact({
        dossier_key: 'CDC:CPF-2024-000123',
        dispositif: 'PRF',
        funder: 'R84',
        funder_kind: 'REGION',
        committed: 1800,
      }),
    ])
  })

  it('breaks a tie on commitments by partner code', async () => {
    await send('R84', [regionRecord({ dispositif: 'PRF', funding: [{ funder: 'R84', committed: 6000 }] })])
    await send('CDC', [dossier()])
    // CDC 4,200 and R84 6,000 (its own record, not the CDC record's 1,800).
    expect(await facts()).toEqual([exampleFact({ committed: 10200 })])
  })
})

describe('publish_fact_dossier columns', () => {
  const row = (record_id: string, changes: Partial<DossierRow>): Partial<DossierRow> => ({
    partner_id: partners.FT!,
    record_id,
    person_key: record_id,
    ...changes,
  })
  const pick = async (columns: string[]) =>
    (await facts()).map((f) =>
      Object.fromEntries([['dossier_key', f.dossier_key], ...columns.map((c) => [c, f[c]])]),
    )

  it('bands ages at entry, else at the planned start', async () => {
    await insertDossiers(store.db, [
      row('a25', { birth_date: '1998-01-09', entry_date: '2024-01-08' }),
      row('a26', { birth_date: '1998-01-08', entry_date: '2024-01-08' }),
      row('a44', { birth_date: '1979-01-09', entry_date: '2024-01-08' }),
      row('a45', { birth_date: '1979-01-08', entry_date: '2024-01-08' }),
      row('leap-28', { birth_date: '2000-02-29', entry_date: '2026-02-28', exit_date: null }),
      row('leap-01', { birth_date: '2000-02-29', entry_date: '2026-03-01', exit_date: null }),
      row('planned', {
        birth_date: '1998-06-01',
        status: 'ACCEPTE',
        planned_start: '2024-06-01',
        entry_date: null,
        exit_date: null,
        exit_reason: null,
        hours_completed: null,
        certification_result: null,
      }),
    ])
    expect(await pick(['age_band'])).toEqual([
      { dossier_key: 'FT:a25', age_band: 'moins_26' },
      { dossier_key: 'FT:a26', age_band: '26_44' },
      { dossier_key: 'FT:a44', age_band: '26_44' },
      { dossier_key: 'FT:a45', age_band: '45_plus' },
      { dossier_key: 'FT:leap-01', age_band: '26_44' },
      { dossier_key: 'FT:leap-28', age_band: 'moins_26' },
      { dossier_key: 'FT:planned', age_band: '26_44' },
    ])
  })

  it('codes levels, NSF, places and organisms, null when unknown', async () => {
    await insertDossiers(store.db, [
      row('deleguee', {
        residence_commune: '01015',
        place_commune: null,
        modality: 'DISTANCE',
        organism_siret: '35600000000048',
      }),
      row('letter', { nsf: '326n', certification_level: 3, place_commune: '13201' }),
      row('none', {
        nsf: null,
        certification_level: null,
        certification_type: 'AUCUNE',
        certification_code: null,
      }),
    ])
    const columns = ['res_departement', 'res_region', 'place_departement', 'place_region', 'cert_level']
    expect(await pick([...columns, 'nsf_domain', 'nsf_group', 'organism_region'])).toEqual([
      {
        dossier_key: 'FT:deleguee',
        res_departement: '01',
        res_region: '84',
        place_departement: null,
        place_region: null,
        cert_level: '5',
        nsf_domain: '3',
        nsf_group: '326',
        organism_region: null,
      },
      {
        dossier_key: 'FT:letter',
        res_departement: '69',
        res_region: '84',
        place_departement: '13',
        place_region: '93',
        cert_level: '3',
        nsf_domain: '3',
        nsf_group: '326',
        organism_region: '53',
      },
      {
        dossier_key: 'FT:none',
        res_departement: '69',
        res_region: '84',
        place_departement: '75',
        place_region: '11',
        cert_level: 'sans',
        nsf_domain: null,
        nsf_group: null,
        organism_region: '53',
      },
    ])
  })

  it('flags abandons and certifications of certifying exits only', async () => {
    await insertDossiers(store.db, [
      row('abandon', { exit_reason: 'ABANDON', certification_result: 'ECHEC' }),
      row('absence', { exit_reason: 'ABSENCE', certification_result: null }),
      row('partial', {
        certification_type: 'RS',
        certification_code: 'RS5063',
        certification_result: 'PARTIELLE',
      }),
      row('unknown', { certification_result: 'INCONNU' }),
      row('other', {
        certification_type: 'AUTRE',
        certification_code: null,
        certification_result: 'OBTENUE',
      }),
      row('entered', {
        status: 'ENTRE',
        exit_date: null,
        exit_reason: null,
        certification_result: 'OBTENUE',
      }),
    ])
    const flags = ['abandoned', 'certifying', 'certification_known', 'certified']
    expect((await pick(flags)).map((f) => [f.dossier_key, ...flags.map((c) => f[c])])).toEqual([
      ['FT:abandon', true, true, true, false],
      ['FT:absence', true, true, false, false],
      ['FT:entered', false, true, false, false],
      ['FT:other', false, false, false, false],
      ['FT:partial', false, true, true, false],
      ['FT:unknown', false, true, false, false],
    ])
  })
})
