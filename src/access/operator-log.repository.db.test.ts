import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { revokeToken, rotateToken } from '../partners/token.repository.ts'
import { listOperatorActions, recordOperatorAction, withOperatorLog } from './operator-log.repository.ts'

let store: TestStore
let r84: number
let cdc: number
beforeAll(async () => {
  store = await openTestStore()
  r84 = (await addPartner(store.db, { code: 'R84', name: 'Région', kind: 'REGION' })).partner.id
  cdc = (await addPartner(store.db, { code: 'CDC', name: 'Caisse des Dépôts', kind: 'CDC' })).partner.id
})
afterAll(() => store.dispose())

const shown = (rows: Awaited<ReturnType<typeof listOperatorActions>>) =>
  rows.map(({ at: _, dbUser: __, ...r }) => r)

describe('the operator log', () => {
  it('keeps a change and its row together, and lists them oldest first, by partner', async () => {
    const rotation = await withOperatorLog(
      store.db,
      'camille',
      (tx) => rotateToken(tx, r84, { overlapDays: 7 }),
      (r) => ({
        action: 'token/rotate',
        partnerId: r84,
        subject: `#${r.tokenId}`,
        detail: { overlapDays: 7 },
      }),
    )
    await recordOperatorAction(store.db, {
      operator: 'lea',
      action: 'user/add',
      partnerId: cdc,
      subject: 'a@cdc.fr',
    })
    expect(shown(await listOperatorActions(store.db))).toEqual([
      {
        operator: 'camille',
        action: 'token/rotate',
        partner: 'R84',
        subject: `#${rotation.tokenId}`,
        detail: { overlapDays: 7 },
      },
      { operator: 'lea', action: 'user/add', partner: 'CDC', subject: 'a@cdc.fr', detail: {} },
    ])
    expect(shown(await listOperatorActions(store.db, { partnerId: cdc })).map((r) => r.subject)).toEqual([
      'a@cdc.fr',
    ])
  })

  it('names the database role that ran the change', async () => {
    const [row] = await listOperatorActions(store.db)
    expect(row?.dbUser).toMatch(/^\w+$/)
  })

  it('logs nothing when the entry says nothing changed', async () => {
    const before = (await listOperatorActions(store.db)).length
    const missing = await withOperatorLog(
      store.db,
      'camille',
      (tx) => revokeToken(tx, r84, 999_999),
      (r) => (r.state === 'revoked' ? { action: 'token/revoke', partnerId: r84, subject: '#999999' } : null),
    )
    expect([missing, (await listOperatorActions(store.db)).length]).toEqual([{ state: 'not-found' }, before])
  })

  it('undoes the change when its row cannot be written', async () => {
    const tokensBefore = await store.db.selectFrom('partner_token').select('id').execute()
    await expect(
      withOperatorLog(
        store.db,
        'camille',
        (tx) => rotateToken(tx, cdc),
        // No partner 0: the row's foreign key fails, and the rotation with it.
        (r) => ({ action: 'token/rotate', partnerId: 0, subject: `#${r.tokenId}` }),
      ),
    ).rejects.toThrow()
    expect(await store.db.selectFrom('partner_token').select('id').execute()).toEqual(tokensBefore)
  })

  it('is append-only: an update or a delete is refused, even to the owner', async () => {
    await expect(
      store.db.updateTable('operator_action').set({ operator: 'someone else' }).execute(),
    ).rejects.toThrow(/operator_action is append-only/)
    await expect(store.db.deleteFrom('operator_action').execute()).rejects.toThrow(
      /operator_action is append-only/,
    )
  })

  it('filters by whole UTC days, both included', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const all = (await listOperatorActions(store.db)).length
    expect([
      (await listOperatorActions(store.db, { since: today, until: today })).length,
      (await listOperatorActions(store.db, { until: '2020-01-01' })).length,
    ]).toEqual([all, 0])
  })
})
