/** Within this many days of its end, a partner's token is announced, to the operator and to the partner's users. */
export const RENEWAL_NOTICE_DAYS = 30

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A live token as far as its renewal goes. */
export interface TokenEnd {
  readonly id: number
  /** Null: issued before tokens expired, valid until rotated. */
  readonly expiresAt: Date | null
}

/**
 * Days from `now` to the token's end, a day begun counted whole (rounded up: a token issued for 30
 * days has 30 left, not 29, and 29.9 days left are said 30); undefined for a token without an end.
 */
export function daysLeft(token: TokenEnd, now: Date): number | undefined {
  return token.expiresAt === null
    ? undefined
    : Math.max(0, Math.ceil((token.expiresAt.getTime() - now.getTime()) / DAY))
}

/**
 * The time to the token's end as it is said to whoever must act on it: in hours under 2 days (a
 * day rounded up would say a token ending in 25 hours ends in 2 days), else in days; both
 * rounded up, so that the count never says less time than is left, the end itself being shown
 * beside it. Undefined for a token without an end.
 *
 * @example
 * timeLeft({ id: 1, expiresAt: new Date('2026-12-07T09:00:00Z') }, new Date('2026-12-06T20:30:00Z')) // { unit: 'hour', count: 13 }
 */
export function timeLeft(
  token: TokenEnd,
  now: Date,
): { readonly unit: 'hour' | 'day'; readonly count: number } | undefined {
  if (token.expiresAt === null) return undefined
  const left = token.expiresAt.getTime() - now.getTime()
  return left < 2 * DAY
    ? { unit: 'hour', count: Math.max(0, Math.ceil(left / HOUR)) }
    : { unit: 'day', count: Math.ceil(left / DAY) }
}

/** Whether the token ends within the notice period. */
export function endsSoon(token: TokenEnd, now: Date): boolean {
  return token.expiresAt !== null && token.expiresAt.getTime() - now.getTime() <= RENEWAL_NOTICE_DAYS * DAY
}

/**
 * Of one partner's live tokens, those it must replace: all of them, soonest first, when every one
 * ends within the notice period; none when one runs longer or has no end, since the partner then
 * holds its next token already (a rotation with an overlap leaves the previous ones ending soon).
 */
export function tokensToRenew<T extends TokenEnd>(tokens: readonly T[], now: Date): T[] {
  if (!tokens.every((t) => endsSoon(t, now))) return []
  return [...tokens].sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime())
}
