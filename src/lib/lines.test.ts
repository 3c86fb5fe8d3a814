import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_LINE_BYTES, readLines, TOO_LONG_LINE } from './lines.ts'

async function all(path: string, start = 0, first = 1) {
  const out = []
  for await (const line of readLines(path, start, first)) out.push(line)
  return out
}

describe('readLines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lines-'))
  const path = join(dir, 'a.ndjson')
  writeFileSync(path, 'é1\r\n\nabc\nlast')

  it('gives every line with its number and the byte offset after it', async () => {
    expect(await all(path)).toEqual([
      { text: 'é1', number: 1, end: 5 },
      { text: '', number: 2, end: 6 },
      { text: 'abc', number: 3, end: 10 },
      { text: 'last', number: 4, end: 14 },
    ])
  })

  it('drops a byte order mark opening the file, and only there, keeping its bytes in the offsets', async () => {
    const bom = join(dir, 'bom.ndjson')
    writeFileSync(bom, '\uFEFF{"a":1}\n\uFEFF{"b":2}')
    expect(await all(bom)).toEqual([
      { text: '{"a":1}', number: 1, end: 11 },
      { text: '\uFEFF{"b":2}', number: 2, end: 21 },
    ])
  })

  it('gives the true byte offsets of lines that span the 1 MiB chunks it reads', async () => {
    const long = join(dir, 'long.ndjson')
    writeFileSync(long, `${'a'.repeat(700_000)}\n${'é'.repeat(350_000)}\nc`)
    const lines = (await all(long)).map(({ text, number, end }) => [text.length, number, end])
    expect(lines).toEqual([
      [700_000, 1, 700_001],
      [350_000, 2, 1_400_002],
      [1, 3, 1_400_003],
    ])
    expect((await all(long, 700_001, 2)).map((l) => [l.number, l.end])).toEqual([
      [2, 1_400_002],
      [3, 1_400_003],
    ])
  })

  it('reads past a line longer than MAX_LINE_BYTES without keeping it, and gives TOO_LONG_LINE', async () => {
    const huge = join(dir, 'huge.ndjson')
    const size = MAX_LINE_BYTES * 3 + 5
    writeFileSync(huge, `{"a":1}\n${'x'.repeat(size)}\n{"b":2}\n${'y'.repeat(MAX_LINE_BYTES + 1)}`)
    expect(await all(huge)).toEqual([
      { text: '{"a":1}', number: 1, end: 8 },
      { text: TOO_LONG_LINE, number: 2, end: 9 + size },
      { text: '{"b":2}', number: 3, end: 17 + size },
      { text: TOO_LONG_LINE, number: 4, end: 18 + size + MAX_LINE_BYTES },
    ])
  })

  it('resumes at a recorded offset with the right line numbers', async () => {
    expect(await all(path, 6, 3)).toEqual([
      { text: 'abc', number: 3, end: 10 },
      { text: 'last', number: 4, end: 14 },
    ])
  })
})
