import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { referentialNames } from './referential-names.repository.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
  await store.db
    .insertInto('certification')
    .values({ code: 'RNCP1', type: 'RNCP', title: 'Titre un', level: 4 })
    .execute()
  await store.db
    .insertInto('organism')
    .values({ siret: '11111111111111', nda: null, name: 'Organisme un', commune: null, qualiopi: true })
    .execute()
})
afterAll(() => store.dispose())

describe('referential names', () => {
  it('name the codes and SIRETs the referentials hold, and leave out the others', async () => {
    const names = await referentialNames(store.db, ['RNCP1', 'RNCP2'], ['11111111111111', '22222222222222'])
    expect([[...names.certifications], [...names.organisms]]).toEqual([
      [['RNCP1', 'Titre un']],
      [['11111111111111', 'Organisme un']],
    ])
  })

  it('ask nothing for a dossier without codes', async () => {
    const names = await referentialNames(store.db, [], [])
    expect([names.certifications.size, names.organisms.size]).toEqual([0, 0])
  })
})
