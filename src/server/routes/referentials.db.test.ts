import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../../test/api-app.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import type { createApp } from '../app.ts'

let store: TestStore
let app: ReturnType<typeof createApp>
let token: string

beforeAll(async () => {
  store = await openTestStore()
  app = testApp(store)
  token = (await addPartner(store.db, { code: 'CDC', name: 'Caisse des Dépôts', kind: 'CDC' })).token
  await store.db
    .insertInto('organism')
    .values([
      { siret: '11111111111111', nda: null, name: 'AFPA La Réunion', commune: '97411', qualiopi: true },
      { siret: '22222222222222', nda: null, name: 'ÉCOLE DES MÉTIERS', commune: '69123', qualiopi: true },
    ])
    .execute()
})
afterAll(() => store.dispose())

const get = async (query: string) => {
  const res = await app.request(`/api/v1/referentials/organisms${query}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return [res.status, await res.json()]
}

describe('GET /api/v1/referentials/{kind}', () => {
  it('takes as page and pageSize only decimal integers within range, never 1e3, 0x10, 2.0 or a blank', async () => {
    const pages = ['1e3', '0x10', '2.0', '%202', '', '-1', '100001']
    const answers = await Promise.all(pages.map((p) => get(`?page=${p}`)))
    expect(answers).toEqual(
      pages.map((p) => [
        400,
        {
          error: {
            code: 'referential/invalid-page',
            message: `page "${decodeURIComponent(p)}" must be an integer from 1 to 100000`,
          },
        },
      ]),
    )
    expect(await get('?pageSize=1e2')).toEqual([
      400,
      {
        error: {
          code: 'referential/invalid-page-size',
          message: 'pageSize "1e2" must be an integer from 1 to 200',
        },
      },
    ])
  })

  it('still reads a page written in digits', async () => {
    expect(await get('?page=02&pageSize=1')).toEqual([
      200,
      {
        items: [
          { siret: '22222222222222', nda: null, name: 'ÉCOLE DES MÉTIERS', commune: '69123', qualiopi: true },
        ],
        page: 2,
        pageSize: 1,
        hasMore: false,
      },
    ])
  })

  it('searches without regard to accents or case: « reunion » finds « Réunion », « ecole » finds « ÉCOLE »', async () => {
    const names = async (q: string) =>
      ((await get(`?q=${encodeURIComponent(q)}`))[1] as any).items.map((o: any) => o.name)
    expect([await names('reunion'), await names('ecole des metiers'), await names('Métiers')]).toEqual([
      ['AFPA La Réunion'],
      ['ÉCOLE DES MÉTIERS'],
      ['ÉCOLE DES MÉTIERS'],
    ])
  })
})
