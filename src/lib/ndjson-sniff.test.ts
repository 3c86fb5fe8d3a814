import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainlyNotNdjson } from './ndjson-sniff.ts'

const dir = mkdtempSync(join(tmpdir(), 'passerelle-sniff-'))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('plainlyNotNdjson', () => {
  it('tells a CSV, a pretty-printed JSON array and plain text from NDJSON', () => {
    expect(
      [
        file('dsn.csv', 'nir,siret,start\n1800101001001,12345678901234,2024-01-01\n'),
        file('array.json', '[\n  {\n    "id": "A"\n  }\n]\n'),
        file('notes.txt', 'Bonjour,\nvoici le fichier.\n'),
      ].map((p) => plainlyNotNdjson(p)),
    ).toEqual([true, true, true])
  })

  it('takes NDJSON with broken lines, a byte order mark, blank lines, or nothing to read', () => {
    expect(
      [
        file('ok.ndjson', '{"id":"A"}\n\n{"id":"B"}\n'),
        file('broken-first.ndjson', 'not json\n{"id":"B"}\n'),
        file('bom.ndjson', '\uFEFF{"id":"A"}\n'),
        file('empty.ndjson', ''),
        join(dir, 'missing.ndjson'),
      ].map((p) => plainlyNotNdjson(p)),
    ).toEqual([false, false, false, false, false])
  })

  it('decides on the first lines only: a JSON line after them does not make a CSV NDJSON', () => {
    const csv = `${Array.from({ length: 100 }, (_, i) => `a,${i}`).join('\n')}\n{"id":"A"}\n`
    expect(plainlyNotNdjson(file('long.csv', csv))).toBe(true)
    expect(plainlyNotNdjson(file('long.csv', csv), 101)).toBe(false)
  })
})
