import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier, items, nir15 } from '../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { applyBatch } from './apply-batch.ts'
import { openApiTransmission } from './transmission.repository.ts'

let store: TestStore
const ids: Record<string, number> = {}
beforeAll(async () => {
  store = await openTestStore()
  for (const code of ['CDC', 'FT'])
    ids[code] = (await addPartner(store.db, { code, name: code, kind: code as 'CDC' | 'FT' })).partner.id
})
afterAll(() => store.dispose())

async function prepare(code: string, raws: unknown[]) {
  const partnerId = ids[code]!
  const transmissionId = await openApiTransmission(store.db, partnerId, 'concurrent')
  const batch = await items(raws)
  return () => applyBatch(store.db, { partnerId, transmissionId }, batch)
}

describe('co-funders sending at the same time', () => {
  it('link their records every time, without deadlock', async () => {
    const persons = Array.from({ length: 40 }, (_, i) => `1850575${String(200000 + i).slice(-6)}`)
    // Each round, the two partners post their record of the same person at the same moment; one
    // round also posts many persons in opposite orders (a deadlock if locks were taken unordered).
    for (const [i, nir] of persons.entries()) {
      const [a, b] = await Promise.all([
        prepare('CDC', [dossier({ id: `C-${i}`, sharedWith: undefined, trainee: { nir: nir15(nir) } })]),
        prepare('FT', [
          dossier({ id: `F-${i}`, dispositif: 'AIF', sharedWith: undefined, trainee: { nir: nir15(nir) } }),
        ]),
      ])
      await Promise.all([a(), b()])
    }
    const [a, b] = await Promise.all([
      prepare(
        'CDC',
        persons.map((nir, i) =>
          dossier({ id: `C-${i}`, version: 2, sharedWith: undefined, trainee: { nir: nir15(nir) } }),
        ),
      ),
      prepare(
        'FT',
        [...persons].reverse().map((nir, i) =>
          dossier({
            id: `F-${39 - i}`,
            version: 2,
            dispositif: 'AIF',
            sharedWith: undefined,
            trainee: { nir: nir15(nir) },
          }),
        ),
      ),
    ])
    await Promise.all([a(), b()])
    const rows = await store.db
      .selectFrom('dossier_current')
      .select(['record_id', 'shared_dossier_id'])
      .orderBy('record_id')
      .execute()
    expect(rows).toHaveLength(80)
    for (const row of rows) expect(row.shared_dossier_id).toBe(`CDC:C-${row.record_id.slice(2)}`)
  })
})
