import { describe, expect, it } from 'vitest'
import { type AuditInput, auditTables } from './audit-tables.ts'

/** A size × size table with its margins, a third of its inner cells suppressed. */
function grid(size: number): AuditInput {
  const codes = Array.from({ length: size }, (_, i) => `c${i}`)
  const hierarchy = [{ code: 'T', parent: '' }, ...codes.map((code) => ({ code, parent: 'T' }))]
  const value = (i: number, j: number) => 20 + ((i * 31 + j * 17) % 50)
  const sum = (f: (k: number) => number) => codes.reduce((s, _, k) => s + f(k), 0)
  const rows: { codes: string[]; n: number | null }[] = []
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++)
      rows.push({ codes: [codes[i]!, codes[j]!], n: (i * 7 + j * 13) % 3 === 0 ? null : value(i, j) })
    rows.push({ codes: [codes[i]!, 'T'], n: sum((j) => value(i, j)) })
    rows.push({ codes: ['T', codes[i]!], n: sum((j) => value(j, i)) })
  }
  rows.push({ codes: ['T', 'T'], n: sum((i) => sum((j) => value(i, j))) })
  return { name: 'grid.csv', dimensions: ['a', 'b'], hierarchies: { a: hierarchy, b: hierarchy }, rows }
}

describe('auditTables', () => {
  it('stops between two solves when its signal is aborted, the solves giving the event loop a turn', async () => {
    const controller = new AbortController()
    // A timer runs only when the event loop gets a turn: solves that never yield would finish first.
    // yieldMs 0: a turn after every solve, whatever the machine's speed.
    setTimeout(() => controller.abort(new Error('stopped by the operator')), 0)
    await expect(auditTables([grid(40)], { signal: controller.signal, yieldMs: 0 })).rejects.toThrow(
      'stopped by the operator',
    )
  })

  it('reports its progress against the number of suppressed cells', async () => {
    const progress: [number, number][] = []
    const result = await auditTables([grid(40)], {
      yieldMs: 0,
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every(([done, total]) => total === result.cells.length && done <= total)).toBe(true)
    expect(progress.map(([done]) => done)).toEqual(progress.map(([done]) => done).sort((a, b) => a - b))
  })
})
