import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GOLDEN_PUBLICATION } from '../../site/site.fixture.ts'
import { memoryIo } from '../io.ts'
import { main } from '../main.ts'

describe('passerelle site', () => {
  it('builds the site of a published folder from its files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-site-'))
    cpSync(GOLDEN_PUBLICATION, dir, { recursive: true })
    const { io, stdout } = memoryIo({}, dir)
    expect(await main(['site', '--out', '.'], io)).toBe(0)
    expect(stdout.join('\n')).toMatch(/^site of .+: \d+ files in \d+ ms$/)
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<html lang="fr">')
    expect(existsSync(join(dir, 'jeux-de-donnees', 'insertion-essai', 'index.html'))).toBe(true)
  }, 60_000)

  it('says which file is missing when the folder is not a publication, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-site-'))
    const { io, stderr } = memoryIo({}, dir)
    expect(await main(['site', '--out', '.'], io)).toBe(1)
    expect(stderr.join('\n')).toContain('release.json: site/missing-file file not found')
    expect(existsSync(join(dir, 'index.html'))).toBe(false)
  })

  it('refuses an --out or a PASSERELLE_DATA that is a file, naming it, before building anything (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-site-'))
    writeFileSync(join(dir, 'file'), '')
    const byOption = memoryIo({}, dir)
    expect(await main(['site', '--out', 'file'], byOption.io)).toBe(2)
    const byData = memoryIo({ PASSERELLE_DATA: 'file' }, dir)
    expect(await main(['site'], byData.io)).toBe(2)
    expect([...byOption.stderr, ...byData.stderr]).toEqual([
      `passerelle site: --out "file" must be a published folder: ${join(dir, 'file')} is not a directory`,
      `passerelle site: PASSERELLE_DATA "${join(dir, 'file')}": its published folder ${join(dir, 'file', 'public')} cannot be rebuilt: ${join(dir, 'file')} is not a directory`,
    ])
  })
})
