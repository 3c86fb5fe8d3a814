import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { insertCeps, insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { withPartner } from './partner-tx.ts'
import { readSourcesShown } from './record-sources.ts'

let store: TestStore
let ids: Record<'R1' | 'FT' | 'CEP1' | 'CEP2', number>

beforeAll(async () => {
  store = await openTestStore()
  const rows = await store.db
    .insertInto('partner')
    .values([
      { code: 'R1', name: 'Région', kind: 'REGION' },
      { code: 'FT', name: 'France Travail', kind: 'FT' },
      { code: 'CEP1', name: 'Apec', kind: 'CEP' },
      { code: 'CEP2', name: 'CIBC', kind: 'CEP' },
    ])
    .returning(['id', 'code'])
    .execute()
  ids = Object.fromEntries(rows.map((r) => [r.code, r.id])) as typeof ids
  // R1 shares a dossier with FT; FT also sends CEP periods; CEP1 has sent nothing; CEP2 one
  // cancelled period.
  await insertDossiers(store.db, [
    { partner_id: ids.R1, record_id: 'R-1', shared_dossier_id: 'G1' },
    { partner_id: ids.FT, record_id: 'F-1', shared_dossier_id: 'G1' },
  ])
  await insertCeps(store.db, [
    { partner_id: ids.FT, record_id: 'FC-1' },
    { partner_id: ids.CEP2, record_id: 'C-1', cancelled: true },
  ])
})
afterAll(() => store.dispose())

describe('readSourcesShown', () => {
  it('offers each partner what its kind sends and what it holds, cancelled records included', async () => {
    const shown = async (id: number) => withPartner(store.db, id, readSourcesShown)
    expect({
      R1: await shown(ids.R1),
      FT: await shown(ids.FT),
      CEP1: await shown(ids.CEP1),
      CEP2: await shown(ids.CEP2),
    }).toEqual({
      R1: { dossiers: true, cep: false },
      FT: { dossiers: true, cep: true },
      CEP1: { dossiers: false, cep: true },
      CEP2: { dossiers: false, cep: true },
    })
  })
})
