import { describe, expect, it } from 'vitest'
import { findTable } from './find-table.ts'
import type { TableData } from './published.ts'
import {
  fakeDataset as dataset,
  fakePublished as published,
  fakeResource as resource,
} from './site.fixture.ts'

describe('findTable', () => {
  const wide = resource('wide', ['periode', 'territoire', 'sexe'], ['taux'])
  const narrow = resource('narrow', ['periode', 'territoire'], ['taux'])
  const other = resource('other', ['periode', 'territoire'], ['taux'])
  const noMeasure = resource('counts', ['periode'], ['nb'])

  it('takes the table with the measure, the wanted dimensions and the fewest others', async () => {
    const found = await findTable(published([dataset('a', [wide, narrow, noMeasure])]), {
      measure: 'taux',
      dimensions: ['periode'],
    })
    expect([found?.dataset.slug, found?.resource.name, found?.dimensions]).toEqual([
      'a',
      'narrow',
      ['periode', 'territoire'],
    ])
  })

  it('breaks ties by the preferred datasets, in order', async () => {
    const site = published([dataset('a', [narrow]), dataset('b', [other])])
    const found = await findTable(site, { measure: 'taux', dimensions: ['territoire'], prefer: ['b', 'a'] })
    expect(found?.resource.name).toBe('other')
  })

  it('skips the tables the last check refuses, and finds none when no table qualifies', async () => {
    const site = published([dataset('a', [narrow, wide])], {
      wide: [{ periode: '2025', territoire: 'D01', sexe: '_T' }],
    })
    const hasDepartements = (data: TableData) => data.rows.some((r) => r.territoire === 'D01')
    expect(
      (await findTable(site, { measure: 'taux', dimensions: [], accept: hasDepartements }))?.resource.name,
    ).toBe('wide')
    expect(await findTable(site, { measure: 'taux', dimensions: ['dispositif'] })).toBeUndefined()
  })
})
