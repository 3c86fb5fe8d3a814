import { describe, expect, it } from 'vitest'
import { findTable } from './find-table.ts'
import type { PackageResource, Published, PublishedDataset, TableData } from './published.ts'

const resource = (name: string, dimensions: string[], measures: string[]): PackageResource => ({
  name,
  path: `${name}.csv`,
  schema: {
    primaryKey: dimensions,
    fields: [...dimensions, ...measures].map((n) => ({ name: n, type: 'string' })),
  },
})

function dataset(slug: string, resources: PackageResource[]): PublishedDataset {
  return {
    slug,
    summary: {} as PublishedDataset['summary'],
    datapackage: { name: slug, title: slug, resources },
    documentation: undefined,
    schemaJsonLd: undefined,
    hierarchies: new Map(),
  }
}

function published(datasets: PublishedDataset[], rows: Record<string, TableData['rows']> = {}): Published {
  return {
    release: { date: '2026-10-01', asOf: '2026-09-30', datasets: [] },
    releases: [],
    datasets,
    changelog: undefined,
    themes: new Map(),
    async table(slug, name) {
      const r = datasets.find((d) => d.slug === slug)?.datapackage.resources.find((x) => x.name === name)
      return r && { table: name, title: name, dimensions: r.schema.primaryKey ?? [], rows: rows[name] ?? [] }
    },
  }
}

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
