import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { buildHierarchies, restrictHierarchy } from './hierarchies.ts'
import { loadHierarchySources } from './hierarchy-sources.repository.ts'

let store: TestStore

beforeAll(async () => {
  store = await openTestStore()
  await store.db
    .insertInto('partner')
    .values([
      { code: 'R84', name: 'Région Auvergne-Rhône-Alpes', kind: 'REGION' },
      { code: 'APEC', name: 'Apec', kind: 'CEP' },
    ])
    .execute()
  await store.db
    .insertInto('organism')
    .values([
      { siret: '98765432100015', nda: null, name: 'Form Plus', commune: '75056', qualiopi: true },
      { siret: '12345678000014', nda: null, name: 'GRETA', commune: null, qualiopi: false },
      { siret: '35600000000001', nda: null, name: 'La Poste Formation', commune: '99999', qualiopi: true },
    ])
    .execute()
})
afterAll(() => store.dispose())

describe('loadHierarchySources', () => {
  it('reads partners, and organisms with the région of their commune (null when the commune is missing or unknown)', async () => {
    const sources = await loadHierarchySources(store.db)
    expect(sources.partners).toEqual([
      { code: 'APEC', name: 'Apec', kind: 'CEP' },
      { code: 'R84', name: 'Région Auvergne-Rhône-Alpes', kind: 'REGION' },
    ])
    expect(sources.organisms).toEqual([
      { siret: '12345678000014', name: 'GRETA', region: null },
      { siret: '35600000000001', name: 'La Poste Formation', region: null },
      { siret: '98765432100015', name: 'Form Plus', region: '11' },
    ])
  })

  it('reads the seeded communes and code lists, attributes as strings', async () => {
    const sources = await loadHierarchySources(store.db)
    expect(sources.communes.find((c) => c.code === '01053')).toEqual({
      code: '01053',
      name: 'Bourg-en-Bresse',
      departement: '01',
      region: '84',
      type: 'commune-actuelle',
    })
    expect(sources.codeLists.find((e) => e.list === 'nsf_groupes_specialites' && e.code === '221')).toEqual({
      list: 'nsf_groupes_specialites',
      code: '221',
      label: 'Agro-alimentaire, alimentation, cuisine',
      attributes: {
        code_domaine_4: '2',
        code_domaine_17: '22',
        libelle_domaine_4: 'Domaines technico-professionnels de la production',
        libelle_domaine_17: 'Transformations',
      },
    })
  })

  it('gives trees in which every commune sits under its département and région', async () => {
    const trees = buildHierarchies(await loadHierarchySources(store.db), { periods: [], asOf: '2025-12-31' })
    expect(restrictHierarchy(trees.territoire, ['C01053', 'C97501', 'C75056'])).toEqual([
      { code: '_T', parent: '', label: 'France entière', level: 'total' },
      { code: 'R11', parent: '_T', label: 'Île-de-France', level: 'region' },
      { code: 'R84', parent: '_T', label: 'Auvergne-Rhône-Alpes', level: 'region' },
      { code: 'R975', parent: '_T', label: 'Saint-Pierre-et-Miquelon', level: 'region' },
      { code: 'D01', parent: 'R84', label: 'Ain', level: 'departement' },
      { code: 'D75', parent: 'R11', label: 'Paris', level: 'departement' },
      { code: 'D975', parent: 'R975', label: 'Saint-Pierre-et-Miquelon', level: 'departement' },
      { code: 'C01053', parent: 'D01', label: 'Bourg-en-Bresse', level: 'commune' },
      { code: 'C75056', parent: 'D75', label: 'Paris', level: 'commune' },
      { code: 'C97501', parent: 'D975', label: 'Miquelon-Langlade', level: 'commune' },
    ])
    expect(restrictHierarchy(trees.organisme, ['98765432100015', '12345678000014'])).toEqual([
      { code: '_T', parent: '', label: 'Total', level: 'total' },
      { code: 'R11', parent: '_T', label: 'Île-de-France', level: 'region' },
      { code: 'RZZ', parent: '_T', label: 'Région inconnue ou organisme hors référentiel', level: 'region' },
      { code: '12345678000014', parent: 'RZZ', label: 'GRETA', level: 'organisme' },
      { code: '98765432100015', parent: 'R11', label: 'Form Plus', level: 'organisme' },
    ])
  })
})
