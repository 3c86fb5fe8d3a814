import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { normalizeName } from '../ingest/person-key.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { withPartner } from './partner-tx.ts'
import { searchDossiers } from './search.repository.ts'
import { insertPartners } from './test-fixtures.ts'

let store: TestStore
let a: number

// Birth names as partners send them; stored keyed as the matching rule keys them (normalizeName).
const PEOPLE = [
  { id: 'A1', birthName: 'Cœur', usualName: null },
  { id: 'A2', birthName: 'COEUR', usualName: null },
  { id: 'A3', birthName: 'Lætitia', usualName: 'Kœnig' },
  { id: 'A4', birthName: 'Michał', usualName: null },
  { id: 'A5', birthName: 'Σωκράτης', usualName: null },
]

beforeAll(async () => {
  store = await openTestStore()
  ;[a] = (await insertPartners(store.db, ['RA'])) as [number]
  await insertDossiers(
    store.db,
    PEOPLE.map((p, i) => ({ partner_id: a, record_id: p.id, person_key: `P${i}` })),
  )
  await store.db
    .insertInto('person_identity')
    .values(
      PEOPLE.map((p, i) => ({
        person_key: `P${i}`,
        partner_id: a,
        record_type: 'dossier',
        record_id: p.id,
        nir: `18501691230${String(i).padStart(2, '0')}`,
        birth_name: p.birthName,
        birth_name_norm: normalizeName(p.birthName),
        usual_name: p.usualName,
        first_names: 'Marie',
        birth_date: '1985-05-14',
        sex: 'F',
      })),
    )
    .execute()
})
afterAll(() => store.dispose())

const found = (name: string) =>
  withPartner(store.db, a, async (scope) =>
    (await searchDossiers(scope, { name, page: 1, pageSize: 20 })).items.map((d) => d.id),
  )

describe('searchDossiers by name', () => {
  it('finds a birth name written with or without its ligature, whichever way it is searched', async () => {
    expect(await Promise.all(['coeur', 'cœur', 'CŒUR', 'lae', 'Læ', 'koe'].map(found))).toEqual([
      ['A1', 'A2'],
      ['A1', 'A2'],
      ['A1', 'A2'],
      ['A3'],
      ['A3'],
      ['A3'],
    ])
  })

  it('finds a birth name whatever its case and accents, in Latin and other scripts', async () => {
    expect(await Promise.all(['michal', 'MICHAŁ', 'σωκ', 'ΣΩΚΡ'].map(found))).toEqual([
      ['A4'],
      ['A4'],
      ['A5'],
      ['A5'],
    ])
  })
})
