import { writeFileSync } from 'node:fs'
import { nirKey } from '../src/lib/nir.ts'
import { dossier } from './fixtures.ts'

/**
 * Writes an NDJSON feed of `count` distinct valid dossiers (distinct ids and persons), with an
 * invalid line every `invalidEvery` lines, and returns the expected counts.
 */
export function writeFeed(
  path: string,
  count: number,
  invalidEvery = 50,
): { valid: number; invalid: number } {
  const lines: string[] = []
  let invalid = 0
  for (let i = 0; i < count; i++) {
    if (i % invalidEvery === invalidEvery - 1) {
      lines.push(JSON.stringify(dossier({ id: `BAD-${i}`, dispositif: 'NOT_A_DISPOSITIF' })))
      invalid++
      continue
    }
    const nir13 = `2850575${String(100000 + i).slice(-6)}`
    lines.push(JSON.stringify(dossier({ id: `D-${i}`, trainee: { nir: `${nir13}${nirKey(nir13)}` } })))
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
  return { valid: count - invalid, invalid }
}
