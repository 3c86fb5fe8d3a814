import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTestPartners, batchSender } from '../../test/batches.ts'
import { dossier, nir15 } from '../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { crossPersonDeclarations } from './cross-person-declarations.repository.ts'
import { crowdedPersons } from './crowded-persons.repository.ts'
import { MAX_MATCHED_DOSSIERS } from './link-shared.ts'

let store: TestStore
let partners: Record<string, number>
let send: ReturnType<typeof batchSender>
beforeAll(async () => {
  store = await openTestStore()
  partners = await addTestPartners(store.db, [
    ['CDC', 'CDC'],
    ['R84', 'REGION'],
    ['FT', 'FT'],
  ])
  send = batchSender(store.db, partners)
})
afterAll(() => store.dispose())

describe('crossPersonDeclarations', () => {
  it('lists per partner the sharedWith naming a record of another person, not those of the same person or of no record', async () => {
    const other = { nir: nir15('1850575056049') }
    await send('CDC', [
      dossier({ id: 'CPF-1', sharedWith: undefined }),
      dossier({ id: 'CPF-2', sharedWith: undefined }),
    ])
    await send('R84', [
      // Another person than CPF-1's and CPF-2's: two cross-person declarations.
      dossier({
        id: 'ARA-1',
        dispositif: 'PRF',
        trainee: other,
        sharedWith: [{ partner: 'CDC', id: 'CPF-2' }],
      }),
      dossier({
        id: 'ARA-2',
        dispositif: 'PRF',
        trainee: other,
        sharedWith: [{ partner: 'CDC', id: 'CPF-1' }],
      }),
      // Naming a record the hub does not hold: it links nothing.
      dossier({
        id: 'ARA-3',
        dispositif: 'PRF',
        trainee: other,
        sharedWith: [{ partner: 'CDC', id: 'CPF-9' }],
      }),
    ])
    // The same person as CPF-1's: the usual co-funding.
    await send('FT', [
      dossier({ id: 'FT-1', dispositif: 'AIF', sharedWith: [{ partner: 'CDC', id: 'CPF-1' }] }),
    ])
    expect(await crossPersonDeclarations(store.db)).toEqual([
      { partner: 'R84', count: 2, examples: ['ARA-1 → CDC:CPF-2', 'ARA-2 → CDC:CPF-1'] },
    ])
    expect([
      await crossPersonDeclarations(store.db, partners.FT),
      (await crossPersonDeclarations(store.db, partners.R84)).length,
    ]).toEqual([[], 1])
  })

  it('lists per partner the persons holding more dossiers than the matching rule links, and leaves them unmatched', async () => {
    const placeholder = { nir: nir15('1750575056051') }
    const many = (code: string, from: number, n: number, dispositif: string) =>
      Array.from({ length: n }, (_, i) =>
        dossier({ id: `${code}-P${from + i}`, dispositif, trainee: placeholder, sharedWith: undefined }),
      )
    const half = MAX_MATCHED_DOSSIERS / 2
    await send('CDC', many('CDC', 0, half + 1, 'CPF'))
    await send('FT', many('FT', 0, half, 'AIF'))
    expect(await crowdedPersons(store.db)).toEqual([
      { partner: 'CDC', persons: 1, dossiers: half + 1 },
      { partner: 'FT', persons: 1, dossiers: half },
    ])
    const linked = await store.db
      .selectFrom('dossier_current')
      .select('record_id')
      .where('record_id', 'like', '%-P%')
      .where('shared_dossier_id', 'is not', null)
      .execute()
    expect(linked).toEqual([])
  })
})
