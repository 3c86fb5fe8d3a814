import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { searchReferential } from './referentials.repository.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
  await store.db
    .insertInto('certification')
    .values([
      { code: 'RNCP1', type: 'RNCP', title: 'Professeur d’École de musique', level: 6 },
      { code: 'RNCP2', type: 'RNCP', title: 'Chef de chœur', level: 5 },
      { code: 'RNCP3', type: 'RNCP', title: 'Technicien de La Réunion', level: 4 },
      { code: 'RS4', type: 'RS', title: 'Ecole sans accent', level: null },
    ])
    .execute()
})
afterAll(() => store.dispose())

const codes = async (q: string) =>
  (await searchReferential(store.db, 'certifications', q, 1, 10)).items.map((c) => c.code)

describe('searchReferential', () => {
  it('matches without regard to accents, ligatures or case, in the database, on both stores', async () => {
    expect([
      await codes('ecole'),
      await codes('ÉCOLE'),
      await codes('Reunion'),
      await codes('choeur'),
      await codes('chœur'),
      await codes('rncp'),
    ]).toEqual([
      ['RNCP1', 'RS4'],
      ['RNCP1', 'RS4'],
      ['RNCP3'],
      ['RNCP2'],
      ['RNCP2'],
      ['RNCP1', 'RNCP2', 'RNCP3'],
    ])
  })

  it('takes %, _ and \\ as the characters they are, not as patterns', async () => {
    expect([await codes('%'), await codes('_'), await codes('\\')]).toEqual([[], [], []])
  })
})
