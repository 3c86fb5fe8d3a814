import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { foldAccents, foldedSql } from './accent-fold.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

const SAMPLES = [
  'Réunion',
  'École',
  'Cœur',
  'garçon',
  'Michał',
  'Đorđević',
  'Øster',
  'Straße',
  'Þór',
  'Ωμέγα',
  'ÿ 01053',
]

describe('foldedSql', () => {
  it('folds in the store exactly as foldAccents does in JavaScript, whatever the store’s locale', async () => {
    const folded = await Promise.all(
      SAMPLES.map(async (text) => {
        const { rows } = await sql<{ f: string }>`select ${foldedSql(sql`${text}::text`)} as f`.execute(
          store.db,
        )
        return rows[0]!.f
      }),
    )
    expect(folded).toEqual(SAMPLES.map(foldAccents))
  })
})
