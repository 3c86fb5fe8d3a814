import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { memoryIo } from '../io.ts'
import { main } from '../main.ts'

let store: TestStore | null = null
let env: Record<string, string>
beforeAll(async () => {
  env = { TZ: 'Europe/Paris', PASSERELLE_OPERATOR: 'camille@ops' }
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    store = await openTestStore()
    env.DATABASE_URL = store.url!
  } else env.PASSERELLE_DATA = mkdtempSync(join(tmpdir(), 'passerelle-operator-log-'))
})
afterAll(() => store?.dispose())

async function run(args: string[], extra: Record<string, string> = {}) {
  const { io, stdout, stderr } = memoryIo({ ...env, ...extra })
  const code = await main(args, io)
  return { code, stdout, stderr }
}

// The log's lines without their instant, and the detail's instants as days ahead of now.
function logLines(stdout: string[]): string[] {
  return stdout.map((line) =>
    line
      .replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z\t/, '<at>\t')
      .replace(/\t[^\t]+\t(partner|token|user)\//, '\t<db user>\t$1/')
      .replace(/"(\d{4}-\d\d-\d\dT[\d:.]+Z)"/g, (_, at: string) => {
        const days = Math.round((Date.parse(at) - Date.now()) / 86_400_000)
        return `"<+${days} d>"`
      }),
  )
}

describe('passerelle operator-log', () => {
  it("lists every change to partners' tokens and accounts, with who made it", async () => {
    expect(
      (await run(['partners', 'add', '--code', 'R84', '--name', 'Région', '--kind', 'REGION'])).code,
    ).toBe(0)
    expect((await run(['partners', 'add', '--code', 'CDC', '--name', 'CDC', '--kind', 'CDC'])).code).toBe(0)
    const lea = { PASSERELLE_OPERATOR: 'lea@ops' }
    expect((await run(['partners', 'rotate-token', '--code', 'R84', '--overlap-days', '7'], lea)).code).toBe(
      0,
    )
    expect((await run(['partners', 'revoke-token', '--code', 'R84', '--token', '1'], lea)).code).toBe(0)
    // Revoked before: nothing changes, nothing is logged.
    expect((await run(['partners', 'revoke-token', '--code', 'R84', '--token', '1'], lea)).code).toBe(0)
    expect((await run(['users', 'add', '--partner', 'R84', '--email', 'Ana@Region.fr'])).code).toBe(0)
    expect((await run(['users', 'disable', '--email', 'ana@region.fr'])).code).toBe(0)
    expect((await run(['users', 'enable', '--email', 'ana@region.fr'])).code).toBe(0)
    expect((await run(['users', 'reset-password', '--email', 'ana@region.fr'])).code).toBe(0)
    // An unknown account: refused, not logged.
    expect((await run(['users', 'disable', '--email', 'nobody@region.fr'])).code).toBe(1)

    const log = await run(['operator-log'])
    expect(log.code).toBe(0)
    expect(logLines(log.stdout)).toEqual([
      'at\toperator\tdatabase user\taction\tpartner\tsubject\tdetail',
      '<at>\tcamille@ops\t<db user>\tpartner/add\tR84\tR84\t{"name":"Région","kind":"REGION","token":"#1","validDays":365,"expiresAt":"<+365 d>"}',
      '<at>\tcamille@ops\t<db user>\tpartner/add\tCDC\tCDC\t{"name":"CDC","kind":"CDC","token":"#2","validDays":365,"expiresAt":"<+365 d>"}',
      '<at>\tlea@ops\t<db user>\ttoken/rotate\tR84\t#3\t{"validDays":365,"expiresAt":"<+365 d>","overlapDays":7,"previousTokens":1,"previousUntil":"<+7 d>"}',
      '<at>\tlea@ops\t<db user>\ttoken/revoke\tR84\t#1\t',
      '<at>\tcamille@ops\t<db user>\tuser/add\tR84\tana@region.fr\t',
      '<at>\tcamille@ops\t<db user>\tuser/disable\tR84\tana@region.fr\t',
      '<at>\tcamille@ops\t<db user>\tuser/enable\tR84\tana@region.fr\t',
      '<at>\tcamille@ops\t<db user>\tuser/reset-password\tR84\tana@region.fr\t',
    ])
    expect(logLines((await run(['operator-log', '--partner', 'CDC'])).stdout).slice(1)).toEqual([
      '<at>\tcamille@ops\t<db user>\tpartner/add\tCDC\tCDC\t{"name":"CDC","kind":"CDC","token":"#2","validDays":365,"expiresAt":"<+365 d>"}',
    ])
  })

  it('never logs a password or a token', async () => {
    const added = await run(['users', 'add', '--partner', 'CDC', '--email', 'bob@cdc.fr'])
    const password = added.stdout.at(-1)!
    const rotated = await run(['partners', 'rotate-token', '--code', 'CDC'])
    const token = rotated.stdout.at(-1)!
    const log = (await run(['operator-log'])).stdout.join('\n')
    expect([log.includes(password), log.includes(token), log.includes('bob@cdc.fr')]).toEqual([
      false,
      false,
      true,
    ])
  })

  it('refuses a bad day, an unknown partner, and a PASSERELLE_OPERATOR that would forge a line, before any change', async () => {
    const answers = [
      await run(['operator-log', '--since', '2026-02-30']),
      await run(['operator-log', '--partner', 'r84']),
      await run(['partners', 'rotate-token', '--code', 'R84'], { PASSERELLE_OPERATOR: 'x\ny' }),
    ]
    expect(answers.map((a) => [a.code, a.stderr.join('\n').split('\n')[0]])).toEqual([
      [2, 'passerelle operator-log: --since "2026-02-30" is not a date YYYY-MM-DD of the calendar'],
      [1, 'passerelle operator-log: unknown partner "r84" (did you mean R84? codes are case-sensitive)'],
      [
        2,
        'passerelle partners: PASSERELLE_OPERATOR must be at most 200 characters without tabs, newlines or other control characters (it names you in passerelle operator-log)',
      ],
    ])
    // The refused rotation issued nothing: R84 still has its first token and the one rotated in.
    const tokens = await run(['partners', 'tokens', '--code', 'R84'])
    expect(tokens.stdout.slice(1).map((line) => line.split('\t')[0])).toEqual(['#1', '#3'])
  })
})
