import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIo } from '../io.ts'
import { main } from '../main.ts'
import { failureReport } from './publish.ts'

describe('passerelle publish', () => {
  // The data folder holds no hub: an option checked only once the store is open would be answered
  // "no hub in …" (exit 1) instead, and on a real hub only after minutes of work.
  const publish = async (args: string[], env: Record<string, string> = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-publish-'))
    writeFileSync(join(dir, 'file'), '')
    mkdirSync(join(dir, 'empty'))
    const { io, stdout, stderr } = memoryIo({ PASSERELLE_DATA: join(dir, 'data'), ...env }, dir)
    const code = await main(['publish', ...args], io)
    return { dir, answer: [code, stdout, stderr], entries: readdirSync(dir).sort() }
  }

  it('checks --base-url before opening the store (usage error, exit 2)', async () => {
    const { answer } = await publish(['--base-url', 'ftp://donnees.example.fr'])
    expect(answer).toEqual([
      2,
      [],
      [
        'passerelle publish: --base-url "ftp://donnees.example.fr" must be an absolute http:// or https:// URL without ?query or #fragment (e.g. https://donnees.example.fr/formation/)',
      ],
    ])
  })

  it('refuses an --out that is a file before opening the store, and writes nothing', async () => {
    const { dir, answer, entries } = await publish(['--out', 'file/public'])
    expect(answer).toEqual([
      2,
      [],
      [
        `passerelle publish: --out "file/public" cannot take the release: ${join(dir, 'file')} is not a directory`,
      ],
    ])
    expect(entries).toEqual(['empty', 'file'])
  })

  it('refuses a default output folder PASSERELLE_DATA cannot hold, naming the variable', async () => {
    const { dir, answer } = await publish([], { PASSERELLE_DATA: 'file' })
    expect(answer).toEqual([
      2,
      [],
      [
        `passerelle publish: PASSERELLE_DATA "${join(dir, 'file')}" cannot take the release in ${join(dir, 'file', 'public')}: ${join(dir, 'file')} is not a directory`,
      ],
    ])
  })

  it('refuses a --datasets-root without datasets/ before opening the store', async () => {
    const { dir, answer } = await publish(['--datasets-root', 'empty'])
    expect(answer).toEqual([
      2,
      [],
      [
        `passerelle publish: --datasets-root "empty" must be a folder holding datasets/<slug>/dataset.json: ${join(dir, 'empty', 'datasets')} does not exist`,
      ],
    ])
  })

  it('creates no folder when checking that --out can be made', async () => {
    const { answer, entries } = await publish(['--out', 'new/public', '--base-url', 'x'])
    expect(answer[0]).toBe(2)
    expect(entries).toEqual(['empty', 'file'])
  })
})

describe('failureReport', () => {
  it('lists every issue, and names --withdraw when a release still online is the cause', () => {
    const narrowed = {
      path: 'financements/financements_region_dispositif',
      code: 'disclosure/narrowed-by-release-online',
      message:
        'no suppression pattern protects the amount of cell R84/CPF: amounts a release still online published narrow it, whatever this one hides (withdraw that release, or publish into another folder)',
    }
    expect(failureReport([narrowed], ['2026-10-01', '2026-11-01']).split('\n')).toEqual([
      'publication failed, nothing written:',
      `financements/financements_region_dispositif: disclosure/narrowed-by-release-online ${narrowed.message}`,
      'hint: --withdraw DATE takes a release still online down with this one (its files may have been downloaded already); online: 2026-10-01, 2026-11-01',
    ])
  })

  it('gives no hint when no release online is the cause', () => {
    const order = {
      path: 'date',
      code: 'release/out-of-order',
      message: 'release date 2026-10-15 is before the latest release online, 2026-11-01',
    }
    expect(failureReport([order], ['2026-11-01'])).toBe(
      'publication failed, nothing written:\ndate: release/out-of-order release date 2026-10-15 is before the latest release online, 2026-11-01',
    )
  })
})
