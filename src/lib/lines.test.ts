import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLines } from './lines.ts'

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

  it('resumes at a recorded offset with the right line numbers', async () => {
    expect(await all(path, 6, 3)).toEqual([
      { text: 'abc', number: 3, end: 10 },
      { text: 'last', number: 4, end: 14 },
    ])
  })
})
