/**
 * Golden files for the documentation tests: the output is compared with
 * `__golden__/<name>` as a whole; `UPDATE_GOLDEN=1` rewrites them (review the diff, then commit).
 * A missing golden file is a failure, never silently created.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect } from 'vitest'

const dir = new URL('./__golden__/', import.meta.url)

/** Asserts that `actual` is the content of the golden file `name` (or rewrites it). */
export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, dir)
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual)
  if (!existsSync(file))
    throw new Error(`missing golden file ${name}: run with UPDATE_GOLDEN=1 and review it`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}
