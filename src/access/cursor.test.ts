import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor.ts'

describe('opaque cursors', () => {
  it('give back the position to the partner they were made for', () => {
    const c = encodeCursor('k', 3, ['2026-01-01 10:00:00.123456+00', 2, 'A1', 4])
    expect(decodeCursor('k', 3, c)).toEqual(['2026-01-01 10:00:00.123456+00', 2, 'A1', 4])
  })

  it('refuse a cursor of another partner, another key, an edited one, or garbage', () => {
    const c = encodeCursor('k', 3, [1])
    const [body, mac] = c.split('.') as [string, string]
    const edited = `${Buffer.from('[2]').toString('base64url')}.${mac}`
    expect([
      decodeCursor('k', 4, c),
      decodeCursor('other', 3, c),
      decodeCursor('k', 3, edited),
      decodeCursor('k', 3, `${body}.`),
      decodeCursor('k', 3, "' or 1=1 --"),
      decodeCursor('k', 3, `${c}.x`),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined])
  })
})
