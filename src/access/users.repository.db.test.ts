import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { createSession, readSession } from './sessions.repository.ts'
import {
  addUser,
  authenticate,
  disableUser,
  enableUser,
  listUsers,
  resetPassword,
} from './users.repository.ts'

let store: TestStore
let partnerId: number
beforeAll(async () => {
  store = await openTestStore()
  partnerId = (await addPartner(store.db, { code: 'R84', name: 'Région', kind: 'REGION' })).partner.id
})
afterAll(() => store.dispose())

const OLD = 'an old password of 24 ch'
const NEW = 'a new password of 24 chs'

describe('resetting a password and enabling a user', () => {
  it('a reset password replaces the old one and ends the sessions opened with it', async () => {
    const id = await addUser(store.db, { partnerId, email: 'ana@region.fr', password: OLD })
    const session = await createSession(store.db, id)
    expect(await resetPassword(store.db, 'ANA@region.fr', NEW)).toBe(true)
    const signedIn = await authenticate(store.db, 'ana@region.fr', NEW)
    expect([
      await authenticate(store.db, 'ana@region.fr', OLD),
      signedIn?.email,
      await readSession(store.db, session.id),
      await resetPassword(store.db, 'nobody@region.fr', NEW),
    ]).toEqual([undefined, 'ana@region.fr', undefined, false])
  })

  it('a reset leaves a disabled user disabled; enabling lets it sign in again', async () => {
    await addUser(store.db, { partnerId, email: 'bob@region.fr', password: OLD })
    await disableUser(store.db, 'bob@region.fr')
    await resetPassword(store.db, 'bob@region.fr', NEW)
    const disabled = await authenticate(store.db, 'bob@region.fr', NEW)
    expect(await enableUser(store.db, 'bob@region.fr')).toBe(true)
    const enabled = await authenticate(store.db, 'bob@region.fr', NEW)
    expect([disabled, enabled?.disabled, await enableUser(store.db, 'nobody@region.fr')]).toEqual([
      undefined,
      false,
      false,
    ])
  })

  it('stamps a user’s last sign-in when a session starts, and none before', async () => {
    const id = await addUser(store.db, { partnerId, email: 'cy@region.fr', password: OLD })
    const before = (await listUsers(store.db, partnerId)).find((u) => u.id === id)!.lastSignIn
    const start = Date.now()
    await createSession(store.db, id)
    const after = (await listUsers(store.db, partnerId)).find((u) => u.id === id)!.lastSignIn!
    expect([before, Math.abs(after.getTime() - start) < 60_000]).toEqual([null, true])
  })
})
