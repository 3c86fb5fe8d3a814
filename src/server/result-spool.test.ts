import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ResultSpool } from './result-spool.ts'

const answer = (index: number) => ({ index, id: `R-${index}`, type: 'dossier', outcome: 'created' })
const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => answer(from + i))

async function read(stream: ReadableStream<Uint8Array>, chunks = Number.POSITIVE_INFINITY): Promise<string> {
  const reader = stream.getReader()
  let text = ''
  for (let i = 0; i < chunks; i++) {
    const { done, value } = await reader.read()
    if (done) return text
    text += new TextDecoder().decode(value)
  }
  await reader.cancel()
  return text
}

describe('the answers of an NDJSON transmission', () => {
  it('stay in memory while small, and read as one JSON body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'))
    const spool = new ResultSpool({ dir })
    await spool.add(batch(0, 2))
    await spool.add([])
    await spool.add(batch(2, 1))
    expect([spool.spilled, JSON.parse(await read(spool.body())), readdirSync(dir)]).toEqual([
      false,
      { results: batch(0, 3) },
      [],
    ])
  })

  it('go to a private file past the memory allowance, are read back in order, and the file is removed once read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'))
    const spool = new ResultSpool({ dir, memoryBytes: 500 })
    for (let from = 0; from < 3000; from += 1000) await spool.add(batch(from, 1000))
    const [folder] = readdirSync(dir)
    const mode = statSync(join(dir, folder!, 'results.json')).mode & 0o777
    expect([spool.spilled, mode]).toEqual([true, 0o600])
    expect([JSON.parse(await read(spool.body())), readdirSync(dir)]).toEqual([
      { results: batch(0, 3000) },
      [],
    ])
  })

  it('remove their file when the reader gives up, or when the transmission fails before its answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'))
    const abandoned = new ResultSpool({ dir, memoryBytes: 10 })
    await abandoned.add(batch(0, 1000))
    await read(abandoned.body(), 1)
    const failed = new ResultSpool({ dir, memoryBytes: 10 })
    await failed.add(batch(0, 10))
    await failed.discard()
    expect(readdirSync(dir)).toEqual([])
  })
})
