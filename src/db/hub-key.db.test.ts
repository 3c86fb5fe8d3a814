import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { personKey } from '../ingest/person-key.ts'
import { claimHubKey, hasHubKey, secretFingerprint } from './hub-key.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())
beforeEach(async () => {
  await sql`delete from hub_key`.execute(store.db)
  await sql`delete from person_identity`.execute(store.db)
  await sql`delete from partner`.execute(store.db)
})

const operator = (secret: string) => ({ secret, origin: 'operator' as const, demoSecretFile: false })
const demo = (secret: string, demoSecretFile = false) => ({ secret, origin: 'demo' as const, demoSecretFile })

async function addPartner() {
  await sql`insert into partner (code, name, kind) values ('R84', 'Région', 'REGION')`.execute(store.db)
}

async function addIdentity(secret: string) {
  const nir = '2850575056048'
  await sql`insert into person_identity (person_key, partner_id, record_type, record_id, nir, birth_name,
      birth_name_norm, first_names, birth_date, sex)
    values (${personKey(secret, nir)}, 1, 'dossier', 'D1', ${nir}, 'DUPONT', 'DUPONT', 'Anne', '1985-05-01', 'F')`.execute(
    store.db,
  )
}

const kept = () => store.db.selectFrom('hub_key').select(['fingerprint', 'origin']).execute()

describe('claimHubKey', () => {
  it('records the first secret it is given and refuses any other afterwards', async () => {
    expect(await claimHubKey(store.db, operator('first'))).toBeNull()
    expect(await kept()).toEqual([{ fingerprint: secretFingerprint('first'), origin: 'operator' }])
    expect(await claimHubKey(store.db, operator('first'))).toBeNull()
    expect(await claimHubKey(store.db, operator('second'))).toEqual({
      code: 'hub/secret-mismatch',
      message:
        "PASSERELLE_SECRET is not the one this hub was made with: person keys made with it would link no record to the persons already stored. Use the hub's secret (for a demo's data folder, the one in its file named secret); the hub refuses any other",
    })
  })

  it('checks a hub made before fingerprints against a stored identity instead of adopting a wrong secret', async () => {
    await addIdentity('right')
    expect((await claimHubKey(store.db, operator('wrong')))?.code).toBe('hub/secret-mismatch')
    expect(await kept()).toEqual([])
    expect(await claimHubKey(store.db, operator('right'))).toBeNull()
    expect(await kept()).toEqual([{ fingerprint: secretFingerprint('right'), origin: 'operator' }])
  })

  it('refuses the demo on a hub an operator made', async () => {
    expect(await claimHubKey(store.db, operator('s'))).toBeNull()
    expect((await claimHubKey(store.db, demo('s')))?.code).toBe('hub/not-a-demo')
  })

  it('refuses the demo on a hub in use that has no fingerprint and no demo secret file', async () => {
    await addPartner()
    expect((await claimHubKey(store.db, demo('s')))?.code).toBe('hub/not-a-demo')
    expect(await kept()).toEqual([])
  })

  it('takes a hub in use with its demo secret file as a demo hub, which the operator may then use', async () => {
    await addPartner()
    expect(await claimHubKey(store.db, demo('s', true))).toBeNull()
    expect(await kept()).toEqual([{ fingerprint: secretFingerprint('s'), origin: 'demo' }])
    expect(await claimHubKey(store.db, operator('s'))).toBeNull()
    expect(await claimHubKey(store.db, demo('s'))).toBeNull()
  })

  it('names another secret on a hub a demo made as a wrong secret, not as a hub it did not make', async () => {
    await addPartner()
    await addIdentity('the-demo-secret')
    expect((await claimHubKey(store.db, demo('exported-by-mistake', true)))?.code).toBe('hub/secret-mismatch')
  })

  it('tells whether the hub keeps a fingerprint yet', async () => {
    expect(await hasHubKey(store.db)).toBe(false)
    await claimHubKey(store.db, operator('s'))
    expect(await hasHubKey(store.db)).toBe(true)
  })

  it('lets the demo make an empty hub its own', async () => {
    expect(await claimHubKey(store.db, demo('s'))).toBeNull()
    expect(await kept()).toEqual([{ fingerprint: secretFingerprint('s'), origin: 'demo' }])
  })
})
