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

  it('removes the releases withdrawn with the new one once it is online, and no other', async () => {
    const out = await mkdtemp(join(tmpdir(), 'passerelle-release-'))
    await commitRelease(out, '2026-09-01', await stage(out, 'first'))
    await commitRelease(out, '2026-10-01', await stage(out, 'second'))
    await commitRelease(out, '2026-11-01', await stage(out, 'third'), ['2026-09-01', '2026-08-01'])
    expect(await listReleases(out)).toEqual(['2026-10-01', '2026-11-01'])
    expect(await readdir(join(out, 'releases'))).toEqual(['2026-10-01', '2026-11-01'])
    expect(await readFile(join(out, 'audit.json'), 'utf8')).toBe('third')
  })

  it('refuses a date that is not one before moving anything', async () => {
    const out = await mkdtemp(join(tmpdir(), 'passerelle-release-'))
    const staging = await stage(out, 'first')
    await expect(commitRelease(out, '2026-11-01', staging, ['../x'])).rejects.toThrow(
      'release date "../x": expected YYYY-MM-DD',
    )
    expect(await listReleases(out)).toEqual([])
  })

  it('lists no release in a folder that has none', async () => {
    const out = await mkdtemp(join(tmpdir(), 'passerelle-release-'))
    expect(await listReleases(out)).toEqual([])
  })
})
