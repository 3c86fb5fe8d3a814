import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { listReferentialLoads } from '../referentials/referential.repository.ts'
import { generateCommand } from './commands/generate.ts'
import { loadDemoReferentials } from './demo-referentials.ts'
import { memoryIo } from './io.ts'

let store: TestStore
let dataDir: string
beforeAll(async () => {
  store = await openTestStore()
  dataDir = join(mkdtempSync(join(tmpdir(), 'demo-referentials-')), 'data')
  const { io } = memoryIo()
  expect(await generateCommand.run(['--dossiers', '20', '--seed', '1', '--out', dataDir], io)).toBe(0)
})
afterAll(() => store.dispose())

const SECRET = 'a'.repeat(64)

/** The lines one demo run logs, without their counts. */
async function run(): Promise<string[]> {
  const lines: string[] = []
  await loadDemoReferentials(store.db, { dataDir, secret: SECRET, log: (l) => lines.push(l) })
  return lines.map((l) => l.replace(/\d[\d,]*/g, 'N'))
}

describe('loadDemoReferentials', () => {
  it('loads each file once: a re-run leaves the loads (and their times) as they are, and reloads a kind another file was loaded for since', async () => {
    const first = await run()
    const loads = await listReferentialLoads(store.db)
    const second = await run()
    expect(await listReferentialLoads(store.db)).toEqual(loads)
    // `passerelle referentials load --kind organisms` of another file.
    await store.db
      .updateTable('referential_load')
      .set({ file_sha256: 'another file' })
      .where('kind', '=', 'organisms')
      .execute()
    const third = await run()
    const after = await listReferentialLoads(store.db)
    expect([first, second, third]).toEqual([
      [
        'referential organisms: N rows',
        'referential certifications: N rows',
        'referential catalogue: N rows',
        'referential dsn: N rows',
        'referential sngi: N rows, dossiers certified as they are imported',
      ],
      [
        'referential organisms: N rows (already loaded)',
        'referential certifications: N rows (already loaded)',
        'referential catalogue: N rows (already loaded)',
        'referential dsn: N rows (already loaded)',
        'referential sngi: N rows (already loaded)',
      ],
      [
        'referential organisms: N rows',
        'referential certifications: N rows (already loaded)',
        'referential catalogue: N rows (already loaded)',
        'referential dsn: N rows (already loaded)',
        'referential sngi: N rows (already loaded)',
      ],
    ])
    // Only organisms loaded again, from the demo's file: its hash back to the one of the first load.
    const before = new Map(loads.map((l) => [l.kind, l]))
    expect(
      after.map((l) => [
        l.kind,
        l.loadedAt > before.get(l.kind)!.loadedAt ? 'loaded again' : 'as it was',
        l.fileSha256 === before.get(l.kind)!.fileSha256,
      ]),
    ).toEqual([
      ['catalogue', 'as it was', true],
      ['certifications', 'as it was', true],
      ['dsn', 'as it was', true],
      ['organisms', 'loaded again', true],
      ['sngi', 'as it was', true],
    ])
  })
})
