/** Within this many days of its end, a partner's token is announced, to the operator and to the partner's users. */
export const RENEWAL_NOTICE_DAYS = 30

const DAY = 86_400_000

/** A live token as far as its renewal goes. */
export interface TokenEnd {
  readonly id: number
  /** Null: issued before tokens expired, valid until rotated. */
  readonly expiresAt: Date | null
}

/** Whole days from `now` to the token's end (0: less than a day); undefined for a token without an end. */
export function daysLeft(token: TokenEnd, now: Date): number | undefined {
  return token.expiresAt === null ? undefined : Math.floor((token.expiresAt.getTime() - now.getTime()) / DAY)
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
