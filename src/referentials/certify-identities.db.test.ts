import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier, exampleCep, items, nir15 } from '../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { applyBatch } from '../ingest/apply-batch.ts'
import { openApiTransmission } from '../ingest/transmission.repository.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { loadReferential } from './load-referential.ts'

const SECRET = 'test-secret'
const HEADER = 'nir,birth_name,first_names,birth_date,sex'
let store: TestStore
let dir: string

beforeAll(async () => {
  store = await openTestStore()
  dir = mkdtempSync(join(tmpdir(), 'passerelle-sngi-'))
  for (const [code, kind, raw] of [
    ['CDC', 'CDC', dossier()],
    ['APEC', 'CEP', exampleCep()],
  ] as const) {
    const partnerId = (await addPartner(store.db, { code, name: code, kind })).partner.id
    const transmissionId = await openApiTransmission(store.db, partnerId, 'test')
    const results = await applyBatch(
      store.db,
      { partnerId, transmissionId },
      await items([raw], '2026-11-28', SECRET),
    )
    expect(results.map((r) => r.outcome)).toEqual(['created'])
  }
})
afterAll(() => store.dispose())

async function loadSngi(name: string, line: string) {
  const path = join(dir, name)
  writeFileSync(path, `${HEADER}\n${line}\n`)
  return loadReferential(store.db, { kind: 'sngi', path, secret: SECRET })
}

async function flags() {
  const dossiers = await store.db.selectFrom('dossier_current').select('identity_certified').execute()
  const ceps = await store.db.selectFrom('cep_current').select('identity_certified').execute()
  return [...dossiers, ...ceps].map((r) => r.identity_certified)
}

describe('identity certification after an SNGI load', () => {
  it('certifies records whose NIR13, birth name (any case and accents), birth date and sex match', async () => {
    // The example dossier and CEP period: 2850575056048, DUPONT, 1985-05-14, F.
    const result = await loadSngi('match.csv', `${nir15('2850575056048')},dupônt,Marie,1985-05-14,F`)
    expect(result).toMatchObject({ ok: true, rows: 1, certified: 2 })
    expect(await flags()).toEqual([true, true])
  })

  it('withdraws certification when the birth date differs', async () => {
    const result = await loadSngi('other-date.csv', '2850575056048,DUPONT,Marie,1985-05-15,F')
    expect(result).toMatchObject({ ok: true, rows: 1, certified: 0 })
    expect(await flags()).toEqual([false, false])
  })

  it('does not certify another person with the same name and birth', async () => {
    const result = await loadSngi('other-nir.csv', '2850575056049,DUPONT,Marie,1985-05-14,F')
    expect(result).toMatchObject({ ok: true, certified: 0 })
    expect(await flags()).toEqual([false, false])
  })

  it('leaves certification as it was when the SNGI load fails', async () => {
    await loadSngi('again.csv', '2850575056048,Dupont,Marie,1985-05-14,F')
    expect(await flags()).toEqual([true, true])
    const failed = await loadSngi('bad.csv', '2850575056048,Dupont,Marie,1985-05-15,X')
    expect(failed.ok).toBe(false)
    expect(await flags()).toEqual([true, true])
  })
})
