import { describe, expect, it } from 'vitest'
import { dossier, exampleCep } from '../../test/fixtures.ts'
import { loadCodeLists } from '../reference/code-lists.ts'
import { inlinePreparer, workerPreparer } from './preparer.ts'

const lines = [
  JSON.stringify(dossier()),
  '{broken',
  JSON.stringify(exampleCep()),
  JSON.stringify(dossier({ dispositif: 'NOPE' })),
]

describe('preparers', () => {
  it('give the same results on a worker thread as in this thread', async () => {
    const inline = inlinePreparer(await loadCodeLists(), 'k')
    const worker = workerPreparer('k', 2)
    try {
      const expected = await inline.lines(lines, '2026-11-28')
      expect(expected.map((r) => r.ok)).toEqual([true, false, true, false])
      expect(await worker.lines(lines, '2026-11-28')).toEqual(expected)
      expect(await worker.jsonArray(`[${lines[0]},${lines[2]}]`, 1000, '2026-11-28')).toEqual(
        await inline.jsonArray(`[${lines[0]},${lines[2]}]`, 1000, '2026-11-28'),
      )
    } finally {
      await worker.close()
    }
  })

  it('refuse a JSON body as a whole when it is not an array, too long or malformed', async () => {
    const inline = inlinePreparer(await loadCodeLists(), 'k')
    expect(await inline.jsonArray('{}', 10, '2026-11-28')).toEqual({ kind: 'not-an-array' })
    expect(await inline.jsonArray('[1,2,3]', 2, '2026-11-28')).toEqual({ kind: 'too-many', count: 3 })
    expect((await inline.jsonArray('[1,', 2, '2026-11-28')).kind).toBe('invalid-json')
  })
})
