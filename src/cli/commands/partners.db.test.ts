import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { memoryIo } from '../io.ts'
import { main } from '../main.ts'

// The command opens its own store: the test database on the server, an embedded one on disk otherwise.
let store: TestStore | null = null
let env: Record<string, string>
beforeAll(async () => {
  if (process.env.PASSERELLE_TEST_STORE === 'pg') {
    store = await openTestStore()
    env = { DATABASE_URL: store.url! }
  } else env = { PASSERELLE_DATA: join(mkdtempSync(join(tmpdir(), 'passerelle-cli-partners-')), 'data') }
})
afterAll(() => store?.dispose())

async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo(env)
  const code = await main(args, io)
  return { code, stdout, stderr }
}

const add = (name: string, code = 'R11') =>
  run(['partners', 'add', '--code', code, '--name', name, '--kind', 'REGION'])

describe('passerelle partners add --name', () => {
  it('refuses a name holding a line break (it forged a row of partners list), a control character or over 200 characters; adds nothing', async () => {
    expect((await add('Région Bretagne', 'R53')).code).toBe(0)
    const before = (await run(['partners', 'list'])).stdout
    const rule = 'is not a partner name (one line of 1 to 200 characters, without control characters)'
    expect([
      await add('Acme\nR84    REGION  #9    2027-12-06  Région'),
      await add('Acme\u0007'),
      await add('Acme\tCorp'),
      await add('Acme\u2029'),
      await add('x'.repeat(201)),
    ]).toEqual([
      {
        code: 2,
        stdout: [],
        stderr: [
          `passerelle partners: --name "Acme\\nR84    REGION  #9    2027-12-06  Région" ${rule}: it holds a line break (U+000A) at character 5`,
        ],
      },
      {
        code: 2,
        stdout: [],
        stderr: [
          `passerelle partners: --name "Acme\\u0007" ${rule}: it holds a control character (U+0007) at character 5`,
        ],
      },
      {
        code: 2,
        stdout: [],
        stderr: [`passerelle partners: --name "Acme\\tCorp" ${rule}: it holds a tab (U+0009) at character 5`],
      },
      {
        code: 2,
        stdout: [],
        stderr: [
          `passerelle partners: --name "Acme\\u2029" ${rule}: it holds a line break (U+2029) at character 5`,
        ],
      },
      {
        code: 2,
        stdout: [],
        stderr: [
          `passerelle partners: --name "${'x'.repeat(60)}"… (201 characters) ${rule}: it has 201 characters`,
        ],
      },
    ])
    expect((await run(['partners', 'list'])).stdout).toEqual(before)
  })

  it('stores the name trimmed, and up to 200 characters', async () => {
    expect((await add(`  ${'é'.repeat(200)}  `, 'R24')).code).toBe(0)
    const list = (await run(['partners', 'list'])).stdout
    expect(list.find((line) => line.startsWith('R24'))?.endsWith(` ${'é'.repeat(200)}`)).toBe(true)
  })
})
