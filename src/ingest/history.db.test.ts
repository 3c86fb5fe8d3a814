import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier, items } from '../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { applyBatch } from './apply-batch.ts'
import { recordAsOf, recordHistory } from './history.repository.ts'
import { monthlyActivity } from './status.repository.ts'
import { openApiTransmission } from './transmission.repository.ts'

let store: TestStore
let partnerId: number

beforeAll(async () => {
  store = await openTestStore()
  partnerId = (await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })).partner.id
  const versions = [
    dossier({
      version: 1,
      status: 'ACCEPTE',
      entry: null,
      exit: null,
      certificationResult: null,
      updatedAt: '2024-01-02T09:00:00+01:00',
    }),
    dossier({
      version: 2,
      status: 'ENTRE',
      exit: null,
      certificationResult: null,
      updatedAt: '2024-01-08T09:00:00+01:00',
    }),
    dossier({ version: 3, updatedAt: '2024-07-01T09:00:00+02:00' }),
  ]
  for (const v of versions) {
    const transmissionId = await openApiTransmission(store.db, partnerId, 'test')
    await applyBatch(store.db, { partnerId, transmissionId }, await items([v]))
  }
})
afterAll(() => store.dispose())

describe('history', () => {
  it('keeps every accepted version, oldest first', async () => {
    const history = await recordHistory(store.db, 'dossier', partnerId, 'CPF-2024-000123')
    expect(history.map((h) => [h.version, h.payload.status])).toEqual([
      [1, 'ACCEPTE'],
      [2, 'ENTRE'],
      [3, 'SORTI'],
    ])
  })

  it('reads a dossier as it was at any date', async () => {
    const at = async (iso: string) =>
      (await recordAsOf(store.db, 'dossier', partnerId, 'CPF-2024-000123', new Date(iso)))?.payload.status
    expect(await at('2023-12-31T00:00:00Z')).toBeUndefined()
    expect(await at('2024-01-05T00:00:00Z')).toBe('ACCEPTE')
    expect(await at('2024-03-01T00:00:00Z')).toBe('ENTRE')
    expect(await at('2025-01-01T00:00:00Z')).toBe('SORTI')
  })

  it('counts modifications per month of reception', async () => {
    const months = await monthlyActivity(store.db, partnerId)
    expect(months).toEqual([{ month: new Date().toISOString().slice(0, 7), modifications: 3, rejected: 0 }])
  })
})
