import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fileSiteEffects } from './effects.ts'

const dir = mkdtempSync(join(tmpdir(), 'passerelle-site-effects-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('fileSiteEffects', () => {
  it('lists the files of a folder at any depth, sorted, and removes one file', async () => {
    mkdirSync(join(dir, 'assets/chunks'), { recursive: true })
    writeFileSync(join(dir, 'assets/site.css'), '')
    writeFileSync(join(dir, 'assets/chunks/b-2.js'), '')
    writeFileSync(join(dir, 'assets/chunks/a-1.js'), '')
    writeFileSync(join(dir, 'audit.json'), '{}')
    const effects = fileSiteEffects(dir)
    expect(await effects.listFiles('assets')).toEqual([
      'assets/chunks/a-1.js',
      'assets/chunks/b-2.js',
      'assets/site.css',
    ])
    await effects.remove('assets/chunks/a-1.js')
    await effects.remove('assets/chunks/absent.js')
    expect([await effects.listFiles('assets'), await effects.listFiles('nothing-here')]).toEqual([
      ['assets/chunks/b-2.js', 'assets/site.css'],
      [],
    ])
    expect(readdirSync(dir).sort()).toEqual(['assets', 'audit.json'])
  })

  it('refuses to remove or list anything outside the site', async () => {
    const effects = fileSiteEffects(join(dir, 'assets'))
    await expect(effects.remove('../audit.json')).rejects.toThrow('path outside the site')
    await expect(effects.listFiles('..')).rejects.toThrow('path outside the site')
  })
})
