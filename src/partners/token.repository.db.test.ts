import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from './partner.repository.ts'
import {
  listTokens,
  liveTokens,
  partnerByToken,
  revokeToken,
  rotateToken,
  tokenExpiredAt,
} from './token.repository.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

const DAY = 86_400_000

/** Days from the database's clock to `d`, to the hundredth. */
async function daysAhead(d: Date): Promise<number> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(store.db)
  return Math.round(((d.getTime() - new Date(rows[0]!.now).getTime()) / DAY) * 100) / 100
}

/** Moves a token's end `days` days from now (negative: in the past), as time passing would. */
async function endIn(tokenId: number, days: number): Promise<void> {
  await sql`update partner_token set expires_at = now() + make_interval(days => ${days}::int) where id = ${tokenId}`.execute(
    store.db,
  )
}

describe('partner tokens', () => {
  it('are valid 365 days unless the operator gives another validity', async () => {
    const yearly = await addPartner(store.db, { code: 'P1', name: 'P1', kind: 'OPCO' })
    const short = await addPartner(store.db, { code: 'P2', name: 'P2', kind: 'OPCO' }, 30)
    expect([await daysAhead(yearly.expiresAt), await daysAhead(short.expiresAt)]).toEqual([365, 30])
    expect((await partnerByToken(store.db, short.token))?.tokenId).toBe(short.tokenId)
  })

  it('stop authenticating once expired, and say when they expired; revoked and unknown ones say nothing', async () => {
    const added = await addPartner(store.db, { code: 'P3', name: 'P3', kind: 'OPCO' })
    await endIn(added.tokenId, -2)
    const [row] = await listTokens(store.db, added.partner.id)
    const rotated = await addPartner(store.db, { code: 'P4', name: 'P4', kind: 'OPCO' })
    await rotateToken(store.db, rotated.partner.id)
    expect([
      await partnerByToken(store.db, added.token),
      await tokenExpiredAt(store.db, added.token),
      await partnerByToken(store.db, rotated.token),
      await tokenExpiredAt(store.db, rotated.token),
      await tokenExpiredAt(store.db, 'psl_unknown'),
    ]).toEqual([undefined, row!.expiresAt, undefined, undefined, undefined])
    expect(await daysAhead(row!.expiresAt!)).toBe(-2)
  })

  it('issued before tokens expired (no end) keep working until rotated', async () => {
    const added = await addPartner(store.db, { code: 'P5', name: 'P5', kind: 'OPCO' })
    await sql`update partner_token set expires_at = null where id = ${added.tokenId}`.execute(store.db)
    expect((await partnerByToken(store.db, added.token))?.partner.code).toBe('P5')
    expect((await liveTokens(store.db, added.partner.id)).map((t) => [t.id, t.expiresAt])).toEqual([
      [added.tokenId, null],
    ])
  })
})

describe('a rotation', () => {
  it('revokes the previous tokens at once without an overlap', async () => {
    const added = await addPartner(store.db, { code: 'R1', name: 'R1', kind: 'REGION' })
    const rotation = await rotateToken(store.db, added.partner.id, { validDays: 90 })
    expect([
      await partnerByToken(store.db, added.token),
      (await partnerByToken(store.db, rotation.token))?.tokenId,
      rotation.previous,
      await daysAhead(rotation.expiresAt),
    ]).toEqual([undefined, rotation.tokenId, 1, 90])
    expect((await listTokens(store.db, added.partner.id)).map((t) => [t.id, t.revokedAt !== null])).toEqual([
      [added.tokenId, true],
      [rotation.tokenId, false],
    ])
  })

  it('with an overlap, lets the previous tokens work that many days more, never past their own end', async () => {
    const added = await addPartner(store.db, { code: 'R2', name: 'R2', kind: 'REGION' })
    const second = await rotateToken(store.db, added.partner.id, { overlapDays: 30 })
    await endIn(second.tokenId, 3)
    const third = await rotateToken(store.db, added.partner.id, { overlapDays: 7 })
    const ends = new Map((await liveTokens(store.db, added.partner.id)).map((t) => [t.id, t.expiresAt!]))
    expect({
      first: await daysAhead(ends.get(added.tokenId)!),
      second: await daysAhead(ends.get(second.tokenId)!),
      third: await daysAhead(ends.get(third.tokenId)!),
      previous: third.previous,
      previousUntil: await daysAhead(third.previousUntil!),
      stillWork: [
        (await partnerByToken(store.db, added.token))?.tokenId,
        (await partnerByToken(store.db, second.token))?.tokenId,
      ],
    }).toEqual({
      first: 7,
      second: 3,
      third: 365,
      previous: 2,
      previousUntil: 7,
      stillWork: [added.tokenId, second.tokenId],
    })
  })

  it('leaves expired tokens as they are, and says when no token was live', async () => {
    const added = await addPartner(store.db, { code: 'R3', name: 'R3', kind: 'REGION' })
    await endIn(added.tokenId, -1)
    const rotation = await rotateToken(store.db, added.partner.id, { overlapDays: 7 })
    const [first] = await listTokens(store.db, added.partner.id)
    expect([
      rotation.previous,
      rotation.previousUntil,
      first!.revokedAt,
      await daysAhead(first!.expiresAt!),
    ]).toEqual([0, null, null, -1])
  })
})

describe('revoking a token', () => {
  it('withdraws that token only, at once, and says when one was revoked before or is not the partner’s', async () => {
    const added = await addPartner(store.db, { code: 'V1', name: 'V1', kind: 'CEP' })
    const other = await addPartner(store.db, { code: 'V2', name: 'V2', kind: 'CEP' })
    const next = await rotateToken(store.db, added.partner.id, { overlapDays: 7 })
    const revoked = await revokeToken(store.db, added.partner.id, added.tokenId)
    expect({
      revoked: revoked.state,
      again: await revokeToken(store.db, added.partner.id, added.tokenId),
      otherPartners: await revokeToken(store.db, added.partner.id, other.tokenId),
      unknown: await revokeToken(store.db, added.partner.id, 999_999),
      works: [
        await partnerByToken(store.db, added.token),
        (await partnerByToken(store.db, next.token))?.tokenId,
        (await partnerByToken(store.db, other.token))?.tokenId,
      ],
    }).toEqual({
      revoked: 'revoked',
      again: { state: 'already-revoked', at: (revoked as { at: Date }).at },
      otherPartners: { state: 'not-found' },
      unknown: { state: 'not-found' },
      works: [undefined, next.tokenId, other.tokenId],
    })
  })
})
