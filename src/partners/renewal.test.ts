import { describe, expect, it } from 'vitest'
import { daysLeft, endsSoon, tokensToRenew } from './renewal.ts'

const now = new Date('2026-12-06T10:00:00Z')
const token = (id: number, expiresAt: string | null) => ({
  id,
  expiresAt: expiresAt === null ? null : new Date(expiresAt),
})

describe('token renewal', () => {
  it('announces a token from 30 days before its end, counting whole days left', () => {
    const edge = token(1, '2027-01-05T10:00:00Z')
    const after = token(2, '2027-01-05T10:00:01Z')
    const hours = token(3, '2026-12-06T20:00:00Z')
    expect([edge, after, hours, token(4, null)].map((t) => [endsSoon(t, now), daysLeft(t, now)])).toEqual([
      [true, 30],
      [false, 30],
      [true, 0],
      [false, undefined],
    ])
  })

  it('asks a partner to renew only when every live token ends soon, soonest first', () => {
    const soon = token(7, '2026-12-20T10:00:00Z')
    const sooner = token(8, '2026-12-10T10:00:00Z')
    expect({
      both: tokensToRenew([soon, sooner], now).map((t) => t.id),
      successor: tokensToRenew([soon, token(9, '2027-12-05T10:00:00Z')], now),
      withoutEnd: tokensToRenew([soon, token(3, null)], now),
      none: tokensToRenew([], now),
    }).toEqual({ both: [8, 7], successor: [], withoutEnd: [], none: [] })
  })
})
