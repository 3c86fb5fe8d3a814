import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { cohortObserved } from '../indicators/cohort.ts'
import { asOfLiteral, cohortObservedSql } from './sql-parts.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore({ migrate: false })
})
afterAll(async () => {
  await store.dispose()
})

/** The first and last day of every month from 2022 to 2028, 29 February included. */
function dates(): string[] {
  const out: string[] = []
  for (let year = 2022; year <= 2028; year++)
    for (let month = 1; month <= 12; month++) {
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
      for (const day of [1, last])
        out.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
    }
  return out
}

describe('cohortObservedSql', () => {
  it('says what cohortObserved says for every date and data date around the cohorts’ ends, and false for no date', async () => {
    const days = dates()
    const asOfs = [
      '2024-02-29',
      '2026-06-29',
      '2026-06-30',
      '2026-07-01',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ]
    for (const asOf of asOfs)
      for (const months of [6, 12]) {
        const { rows } = await sql<{ d: string | null; observed: boolean }>`
          select d::text as d, ${sql.raw(cohortObservedSql('d', months, asOfLiteral(asOf)))} as observed
          from unnest(${[...days, null]}::date[]) d`.execute(store.db)
        const expected = [
          ...days.map((d) => ({ d, observed: cohortObserved(d, months, asOf) })),
          { d: null, observed: false },
        ]
        expect({ asOf, months, rows }).toEqual({ asOf, months, rows: expected })
      }
  })

  it('refuses a data date that is not a literal of asOfLiteral', () => {
    expect(() => cohortObservedSql('d', 6, "'2026-01-01'")).toThrow('not a date literal of asOfLiteral')
  })
})
