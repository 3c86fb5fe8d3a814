import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
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
})
