import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitRelease, listReleases, stagingFolder } from './commit-release.ts'

async function stage(out: string, text: string): Promise<string> {
  const staging = await stagingFolder(out)
  await writeFile(join(staging, 'latest', 'audit.json'), text)
  await writeFile(join(staging, 'release', 'audit.json'), text)
  return staging
}

describe('commitRelease', () => {
  it('keeps earlier releases, replaces the latest files and leaves no staging folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'passerelle-release-'))
    await commitRelease(out, '2026-10-01', await stage(out, 'first'))
    await commitRelease(out, '2026-11-01', await stage(out, 'second'))
    await commitRelease(out, '2026-11-01', await stage(out, 'second, again'))
    expect(await listReleases(out)).toEqual(['2026-10-01', '2026-11-01'])
    expect(await readFile(join(out, 'audit.json'), 'utf8')).toBe('second, again')
    expect(await readFile(join(out, 'releases', '2026-10-01', 'audit.json'), 'utf8')).toBe('first')
    expect((await readdir(out)).sort()).toEqual(['audit.json', 'releases'])
  })

  it('lists no release in a folder that has none', async () => {
    const out = await mkdtemp(join(tmpdir(), 'passerelle-release-'))
    expect(await listReleases(out)).toEqual([])
  })
})
