import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../config.ts'
import { checkEmbeddedStoreFolder, openEmbeddedStore } from './connect.ts'

describe('openEmbeddedStore', () => {
  it('refuses a data folder that is a file, naming PASSERELLE_DATA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-connect-'))
    const data = join(dir, 'data')
    writeFileSync(data, '')
    const opening = openEmbeddedStore(join(data, 'pgdata'))
    await expect(opening).rejects.toBeInstanceOf(ConfigError)
    await expect(opening).rejects.toThrow(
      `PASSERELLE_DATA "${data}" cannot hold the embedded store (${join(data, 'pgdata')}): ${data} is not a directory`,
    )
  })

  it('checks a data folder with probe without creating it (for commands that need a hub there)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-connect-'))
    writeFileSync(join(dir, 'file'), '')
    expect(() => checkEmbeddedStoreFolder(join(dir, 'data', 'pgdata'), { probe: true })).not.toThrow()
    expect(() => checkEmbeddedStoreFolder(join(dir, 'file', 'pgdata'), { probe: true })).toThrow(
      new ConfigError(
        `PASSERELLE_DATA "${join(dir, 'file')}" cannot hold the embedded store (${join(dir, 'file', 'pgdata')}): ${join(dir, 'file')} is not a directory`,
      ),
    )
    expect(readdirSync(dir)).toEqual(['file'])
  })
})
