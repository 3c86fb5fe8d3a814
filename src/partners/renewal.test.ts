import { describe, expect, it } from 'vitest'
import { daysLeft, endsSoon, timeLeft, tokensToRenew } from './renewal.ts'

const now = new Date('2026-12-06T10:00:00Z')
const token = (id: number, expiresAt: string | null) => ({
  id,
  expiresAt: expiresAt === null ? null : new Date(expiresAt),
})

describe('token renewal', () => {
  it('announces a token from 30 days before its end, counting days left rounded up (a day begun counts)', () => {
    const edge = token(1, '2027-01-05T10:00:00Z')
    const after = token(2, '2027-01-05T10:00:01Z')
    const hours = token(3, '2026-12-06T20:00:00Z')
    expect([edge, after, hours, token(4, null)].map((t) => [endsSoon(t, now), daysLeft(t, now)])).toEqual([
      [true, 30],
      [false, 31],
      [true, 1],
      [false, undefined],
    ])
  })

  it('says the time left rounded up, never less than is left: hours under 2 days, else days', () => {
    const at = (iso: string) => timeLeft(token(1, iso), now)
    expect([
      at('2026-12-06T10:20:00Z'),
      at('2026-12-06T20:00:00Z'),
      at('2026-12-08T09:59:00Z'),
      at('2026-12-08T10:00:00Z'),
      at('2027-01-05T07:36:00Z'),
      timeLeft(token(2, null), now),
    ]).toEqual([
      { unit: 'hour', count: 1 },
      { unit: 'hour', count: 10 },
      { unit: 'hour', count: 48 },
      { unit: 'day', count: 2 },
      { unit: 'day', count: 30 },
      undefined,
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
