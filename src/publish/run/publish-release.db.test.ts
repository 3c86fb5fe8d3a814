import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { publishRelease } from './publish-release.ts'

let store: TestStore
let out: string
beforeAll(async () => {
  store = await openTestStore()
  out = mkdtempSync(join(tmpdir(), 'passerelle-publish-empty-'))
})
afterAll(async () => {
  await store.dispose()
  rmSync(out, { recursive: true, force: true })
})

describe('publishRelease on a hub that holds no data yet', () => {
  it('publishes every table with its total at 0 instead of failing on measures no row names', async () => {
    const result = await publishRelease(store.db, { out, date: '2026-12-05', asOf: '2026-12-05' })
    expect(result.ok ? [result.datasets.length, result.report.set.cells] : result.issues).toEqual([7, 4])
    const csv = readFileSync(join(out, 'datasets/chiffres-cles/chiffres_entrees.csv'), 'utf8')
    expect(csv.trim().split('\n')).toEqual([
      'periode,territoire,nb_entrees,nb_entrees_statut,nb_personnes,nb_personnes_statut,heures_prevues,heures_prevues_statut',
      '_T,_T,0,V,0,V,0,V',
    ])
  })
})
