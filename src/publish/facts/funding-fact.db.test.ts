import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier, items } from '../../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { applyBatch } from '../../ingest/apply-batch.ts'
import { personKey } from '../../ingest/person-key.ts'
import { openApiTransmission } from '../../ingest/transmission.repository.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { buildFacts } from './build-facts.ts'
import { factRows } from './hub-fixtures.ts'

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

describe('buildFacts', () => {
  it('refuses a date of the data that is not a calendar date', async () => {
    await expect(buildFacts(store.db, { asOf: '2026-02-30' })).rejects.toThrow(
      'invalid asOf: "2026-02-30" (expected a YYYY-MM-DD date)',
    )
  })
})

describe('publish_fact_funding', () => {
  it('keeps one row per co-funder’s record under the shared dossier’s key, cancelled records out', async () => {
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
        committed: 6000,
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
})
