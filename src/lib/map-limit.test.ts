import { describe, expect, it } from 'vitest'
import { mapLimit } from './map-limit.ts'

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('mapLimit', () => {
  it('keeps the order of the items whatever order the tasks end in', async () => {
    const results = await mapLimit([30, 10, 20, 0], 2, async (ms, i) => {
      await tick(ms)
      return `${i}:${ms}`
    })
    expect(results).toEqual(['0:30', '1:10', '2:20', '3:0'])
  })

  it('never runs more than the limit at once', async () => {
    let running = 0
    let most = 0
    await mapLimit([5, 5, 5, 5, 5, 5], 2, async (ms) => {
      running++
      most = Math.max(most, running)
      await tick(ms)
      running--
    })
    expect(most).toBe(2)
  })

  it('starts no task after a failure and rejects with it once the running tasks end', async () => {
    const done: number[] = []
    await expect(
      mapLimit([1, 2, 3], 2, async (n) => {
        if (n === 1) throw new Error('task 1 failed')
        await tick(5)
        done.push(n)
      }),
    ).rejects.toThrow('task 1 failed')
    expect(done).toEqual([2])
  })

  it('refuses a limit below 1', async () => {
    await expect(mapLimit([1], 0, async (n) => n)).rejects.toThrow('limit 0: expected an integer ≥ 1')
  })
})
