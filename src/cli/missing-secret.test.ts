import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../config.ts'
import { demoSecretPath, missingSecret } from './missing-secret.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-missing-secret-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const why = 'it keys the hash'

describe('missingSecret', () => {
  it('advises a new secret when the data folder holds no demo secret', () => {
    const config = readConfig({ PASSERELLE_DATA: dir }, dir)
    expect(missingSecret(config, why).message).toBe(
      'PASSERELLE_SECRET is not set: it keys the hash (generate one with: openssl rand -hex 32)',
    )
  })

  it("points at the demo's secret on a data folder a demo made, so that persons keep linking", () => {
    writeFileSync(demoSecretPath(dir), 'abc\n')
    const config = readConfig({ PASSERELLE_DATA: dir }, dir)
    expect(missingSecret(config, why).message).toBe(
      `PASSERELLE_SECRET is not set: it keys the hash; this data folder's demo made one: export PASSERELLE_SECRET="$(cat ${join(dir, 'secret')})"`,
    )
  })

  it('ignores the demo secret when the hub is a PostgreSQL server (the demo only runs embedded)', () => {
    writeFileSync(demoSecretPath(dir), 'abc\n')
    const config = readConfig({ PASSERELLE_DATA: dir, DATABASE_URL: 'postgres://h/db' }, dir)
    expect(missingSecret(config, why).message).toBe(
      'PASSERELLE_SECRET is not set: it keys the hash (generate one with: openssl rand -hex 32)',
    )
  })
})
