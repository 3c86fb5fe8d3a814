import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, signedCursor } from './cursor.ts'

describe('opaque cursors', () => {
  it('give back the position to the partner they were made for', () => {
    const c = encodeCursor('k', 3, ['2026-01-01 10:00:00.123456+00', 2, 'A1', 4])
    expect(decodeCursor('k', 3, c)).toEqual(['2026-01-01 10:00:00.123456+00', 2, 'A1', 4])
  })

  it('show nothing of the position: another partner’s record id stays hidden', () => {
    const c = encodeCursor('k', 3, ['1156', '2026-12-06T12:21:37.229000Z', 2, 'R02-B-013278', 1])
    const seen = Buffer.from(c.slice(3), 'base64url').toString('latin1')
    expect([c.startsWith('v2.'), seen.includes('R02'), seen.includes('2026'), c.includes('R02')]).toEqual([
      true,
      false,
      false,
      false,
    ])
  })

  it('refuse a cursor of another partner, another key, an edited one, or garbage', () => {
    const c = encodeCursor('k', 3, [1])
    const data = Buffer.from(c.slice(3), 'base64url')
    data[14] = data[14]! ^ 1
    const edited = `v2.${data.toString('base64url')}`
    expect([
      decodeCursor('k', 4, c),
      decodeCursor('other', 3, c),
      decodeCursor('k', 3, edited),
      decodeCursor('k', 3, 'v2.'),
      decodeCursor('k', 3, 'v2.AAAA'),
      decodeCursor('k', 3, "' or 1=1 --"),
      decodeCursor('k', 3, `${c}.x`),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined])
  })

  it('still open the signed cursors handed out before, for their partner only, unedited', () => {
    const c = signedCursor('k', 3, ['1', 'A1'])
    const [, mac] = c.split('.') as [string, string]
    const edited = `${Buffer.from('["2","A1"]').toString('base64url')}.${mac}`
    expect([decodeCursor('k', 3, c), decodeCursor('k', 4, c), decodeCursor('k', 3, edited)]).toEqual([
      ['1', 'A1'],
      undefined,
      undefined,
    ])
  })
})
