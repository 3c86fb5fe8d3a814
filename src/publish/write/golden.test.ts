import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { datasetFiles } from './dataset-files.ts'
import type { DatasetFile } from './types.ts'
import { DATASET, LABELS, protectFixture } from './write.fixture.ts'

// The fixture's files, byte for byte (Parquet is checked by reading it back, in the DuckDB test).
// `UPDATE_GOLDEN=1 npx vitest run src/publish/write/golden.test.ts` rewrites them after a wanted
// change; review the diff before committing.
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '__golden__')
const update = process.env.UPDATE_GOLDEN === '1'

let files: DatasetFile[]
beforeAll(async () => {
  const result = datasetFiles(DATASET, await protectFixture(), LABELS)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  files = result.value.filter((f) => !f.path.endsWith('.parquet'))
  if (update)
    for (const f of files) {
      const path = join(GOLDEN, `${f.path}.golden`)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, f.bytes)
    }
})

async function goldenPaths(dir = GOLDEN): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? goldenPaths(join(dir, e.name)) : [join(dir, e.name)])),
  )
  return nested.flat()
}

describe('golden files', () => {
  it('has one golden file per written file (CSV, JSON, hierarchies, datapackage.json) and no other', async () => {
    const golden = (await goldenPaths()).map((p) =>
      relative(GOLDEN, p)
        .split('\\')
        .join('/')
        .replace(/\.golden$/, ''),
    )
    expect(golden.sort()).toEqual(files.map((f) => f.path).sort())
  })

  it('writes every file exactly as the golden copy', async () => {
    for (const f of files) {
      const expected = await readFile(join(GOLDEN, `${f.path}.golden`), 'utf8')
      expect(new TextDecoder().decode(f.bytes), f.path).toBe(expected)
    }
  })
})
