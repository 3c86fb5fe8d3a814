import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { listOperatorActions } from '../access/operator-log.repository.ts'
import { createSession, readSession } from '../access/sessions.repository.ts'
import {
  authenticate,
  disableUser,
  enableUser,
  listUsers,
  resetPassword,
} from '../access/users.repository.ts'
import { partnerByCode } from '../partners/partner.repository.ts'
import { partnerByToken, revokeToken } from '../partners/token.repository.ts'
import {
  type DemoCredentials,
  type DemoPartner,
  demoCredentialsPath,
  ensureDemoSignIns,
  ensureDemoTokens,
  mergeDemoCredentials,
  readDemoCredentials,
  writeDemoCredentials,
} from './demo-credentials.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

const partners: DemoPartner[] = [
  { code: 'R84', name: 'Région', kind: 'REGION' },
  { code: 'OPCO1', name: 'OPCO', kind: 'OPCO' },
  { code: 'FT', name: 'France Travail', kind: 'FT' },
]
const codes = partners.map((p) => p.code)

/** Each credential's partner and whether it was kept, in order. */
const keptness = (credentials: readonly { code: string; kept: boolean }[]) =>
  credentials.map(({ code, kept }) => [code, kept])

describe('demo credentials file', () => {
  it('reads no file as no credentials, and what it wrote back whole, readable by its owner only', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'demo-credentials-')), 'data')
    expect(readDemoCredentials(dir)).toEqual({ ok: true, credentials: {} })
    const credentials: DemoCredentials = {
      R84: { token: 'psl_a', email: 'r84@demo.passerelle.fr', password: 'pw-a' },
      FT: { token: 'psl_b' },
    }
    writeDemoCredentials(dir, credentials)
    expect(statSync(demoCredentialsPath(dir)).mode & 0o777).toBe(0o600)
    expect(readDemoCredentials(dir)).toEqual({ ok: true, credentials })
  })

  it('leaves no temporary file holding the secrets when the write fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-credentials-'))
    // A folder where the file goes: the rename fails.
    mkdirSync(join(demoCredentialsPath(dir), 'x'), { recursive: true })
    expect(() => writeDemoCredentials(dir, { R84: { token: 'psl_a' } })).toThrow()
    expect(readdirSync(dir)).toEqual(['demo-credentials.json'])
  })

  it('reports a file that is not what it writes, in words that quote none of it (it holds secrets)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-credentials-'))
    const read = (text: string) => {
      writeFileSync(demoCredentialsPath(dir), text)
      return readDemoCredentials(dir)
    }
    expect([
      read('psl_secret-token'),
      read('{"tokens":{}}'),
      read('null'),
      read('{"partners":{"R84":{"token":"psl_a","password":7},"FT":"psl_b"}}'),
    ]).toEqual([
      { ok: false, problem: 'it is not JSON' },
      { ok: false, problem: 'it has no "partners" object' },
      { ok: false, problem: 'it has no "partners" object' },
      // Fields of another type are dropped: those credentials are issued again.
      { ok: true, credentials: { R84: { token: 'psl_a' }, FT: {} } },
    ])
  })

  it('merges this run into the stored credentials, keeping the partners this run did not print', () => {
    const stored: DemoCredentials = {
      OLD: { token: 'psl_old', email: 'old@demo.passerelle.fr', password: 'pw-old' },
      R84: { token: 'psl_r84', email: 'r84@demo.passerelle.fr', password: 'pw-r84' },
    }
    const merged = mergeDemoCredentials(
      stored,
      [{ code: 'R84', value: { token: 'psl_new', expiresAt: null }, kept: false }],
      [{ code: 'R84', value: { email: 'r84@demo.passerelle.fr', password: 'pw-r84' }, kept: true }],
    )
    expect(merged).toEqual({
      OLD: { token: 'psl_old', email: 'old@demo.passerelle.fr', password: 'pw-old' },
      R84: { token: 'psl_new', email: 'r84@demo.passerelle.fr', password: 'pw-r84' },
    })
  })
})

describe('demo credentials in the hub', () => {
  it('keeps a stored token while it authenticates as its partner, and issues a new one only to a partner whose token does not', async () => {
    const db = store.db
    const first = await ensureDemoTokens(db, partners, {}, 'demo-test')
    expect(keptness(first)).toEqual([
      ['R84', false],
      ['OPCO1', false],
      ['FT', false],
    ])
    const stored = Object.fromEntries(first.map((t) => [t.code, { token: t.value.token }]))
    const again = await ensureDemoTokens(db, partners, stored, 'demo-test')
    expect(again).toEqual(first.map((t) => ({ ...t, kept: true })))

    // R84's token revoked, and FT's stored token swapped for OPCO1's: both get a new one.
    const r84 = (await partnerByCode(db, 'R84'))!
    const revoked = await partnerByToken(db, stored.R84!.token)
    await revokeToken(db, r84.id, revoked!.tokenId)
    const third = await ensureDemoTokens(
      db,
      partners,
      { ...stored, FT: { token: stored.OPCO1!.token } },
      'demo-test',
    )
    expect(keptness(third)).toEqual([
      ['R84', false],
      ['OPCO1', true],
      ['FT', false],
    ])
    expect(third[1]!.value.token).toBe(stored.OPCO1!.token)
    for (const t of [third[0]!, third[2]!]) {
      expect(t.value.token).not.toBe(stored[t.code]!.token)
      expect((await partnerByToken(db, t.value.token))?.partner.code).toBe(t.code)
    }
    // Only what changed is in the operator log: three partners added, then two tokens rotated.
    const logged = (await listOperatorActions(db))
      .filter((a) => a.operator === 'demo-test')
      .map((a) => [a.action, a.partner])
    expect(logged).toEqual([
      ['partner/add', 'R84'],
      ['partner/add', 'OPCO1'],
      ['partner/add', 'FT'],
      ['token/rotate', 'R84'],
      ['token/rotate', 'FT'],
    ])
  })

  it('gives a kept token the end its row has, not a year from this run', async () => {
    const db = store.db
    const [issued] = await ensureDemoTokens(db, [partners[0]!], {}, 'demo-expiry')
    const { tokenId } = (await partnerByToken(db, issued!.value.token))!
    // Issued long ago: it ends sooner than a token issued today would.
    const end = new Date('2030-01-02T03:04:05.678Z')
    await db.updateTable('partner_token').set({ expires_at: end }).where('id', '=', tokenId).execute()
    const kept = await ensureDemoTokens(
      db,
      [partners[0]!],
      { R84: { token: issued!.value.token } },
      'demo-expiry',
    )
    expect(kept).toEqual([{ code: 'R84', value: { token: issued!.value.token, expiresAt: end }, kept: true }])
  })

  it('replaces every token when given no stored one, revoking those of before, each replacement logged', async () => {
    const db = store.db
    const before = await ensureDemoTokens(db, partners, {}, 'demo-renew')
    const renewed = await ensureDemoTokens(db, partners, {}, 'demo-renew')
    expect(keptness(renewed)).toEqual([
      ['R84', false],
      ['OPCO1', false],
      ['FT', false],
    ])
    const holders = async (tokens: typeof before) =>
      Promise.all(tokens.map(async (t) => (await partnerByToken(db, t.value.token))?.partner.code ?? null))
    expect(await holders(before)).toEqual([null, null, null])
    expect(await holders(renewed)).toEqual(codes)
    const logged = (await listOperatorActions(db))
      .filter((a) => a.operator === 'demo-renew')
      .map((a) => [a.action, a.partner, (a.detail as { previousTokens?: number } | null)?.previousTokens])
    expect(logged.slice(-3)).toEqual([
      ['token/rotate', 'R84', 1],
      ['token/rotate', 'OPCO1', 1],
      ['token/rotate', 'FT', 1],
    ])
  })

  it("keeps a stored password while it signs its partner's account in, gives a new one to an account given another password since, and leaves an account the operator disabled disabled", async () => {
    const db = store.db
    const first = await ensureDemoSignIns(db, codes, {}, 'demo-signins')
    expect(first.disabled).toEqual([])
    expect(keptness(first.signIns)).toEqual([
      ['R84', false],
      ['OPCO1', false],
      ['FT', false],
    ])
    expect(first.signIns.map((s) => s.value.email)).toEqual([
      'r84@demo.passerelle.fr',
      'opco1@demo.passerelle.fr',
      'ft@demo.passerelle.fr',
    ])
    const stored = Object.fromEntries(first.signIns.map((s) => [s.code, s.value]))
    expect(await ensureDemoSignIns(db, codes, stored, 'demo-signins')).toEqual({
      signIns: first.signIns.map((s) => ({ ...s, kept: true })),
      disabled: [],
    })

    // OPCO1's account disabled; FT's given another password by the operator.
    await disableUser(db, 'opco1@demo.passerelle.fr')
    await resetPassword(db, 'ft@demo.passerelle.fr', 'another password of the operator', { mustChange: true })
    const ftUser = (await listUsers(db)).find((u) => u.email === 'ft@demo.passerelle.fr')!
    const opened = await createSession(db, ftUser.id)
    const third = await ensureDemoSignIns(db, codes, stored, 'demo-signins')
    expect(keptness(third.signIns)).toEqual([
      ['R84', true],
      ['FT', false],
    ])
    expect(third.disabled).toEqual([{ code: 'OPCO1', email: 'opco1@demo.passerelle.fr' }])
    expect(third.signIns.map((s) => s.value.password === stored[s.code]!.password)).toEqual([true, false])
    // FT's new password is printed to be tried at once: no change asked, as the operator's reset
    // had, and the session opened with the operator's password is over.
    const ftSignIn = third.signIns.find((s) => s.code === 'FT')!.value
    const signedIn = await authenticate(db, ftSignIn.email, ftSignIn.password)
    expect([signedIn?.mustChangePassword, await readSession(db, opened.id)]).toEqual([false, undefined])
    // Renewing every password (--new-credentials) leaves it disabled too.
    const renewed = await ensureDemoSignIns(db, codes, {}, 'demo-signins')
    expect([keptness(renewed.signIns), renewed.disabled]).toEqual([
      [
        ['R84', false],
        ['FT', false],
      ],
      [{ code: 'OPCO1', email: 'opco1@demo.passerelle.fr' }],
    ])
    const states = async () =>
      (await listUsers(db)).map((u) => [u.email, u.disabled ? 'disabled' : 'enabled'])
    expect(await states()).toEqual([
      ['ft@demo.passerelle.fr', 'enabled'],
      ['opco1@demo.passerelle.fr', 'disabled'],
      ['r84@demo.passerelle.fr', 'enabled'],
    ])
    // Enabled again by the operator, it signs in with its password of before: the stored one is kept.
    await enableUser(db, 'opco1@demo.passerelle.fr')
    const latest = { ...stored, ...Object.fromEntries(renewed.signIns.map((s) => [s.code, s.value])) }
    const fifth = await ensureDemoSignIns(db, codes, latest, 'demo-signins')
    expect(fifth).toEqual({
      signIns: codes.map((code) => ({ code, value: latest[code], kept: true })),
      disabled: [],
    })
    const logged = (await listOperatorActions(db))
      .filter((a) => a.operator === 'demo-signins')
      .map((a) => [a.action, a.partner])
    expect(logged).toEqual([
      ['user/add', 'R84'],
      ['user/add', 'OPCO1'],
      ['user/add', 'FT'],
      ['user/reset-password', 'FT'],
      ['user/reset-password', 'R84'],
      ['user/reset-password', 'FT'],
    ])
  })
})
