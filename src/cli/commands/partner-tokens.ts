import type { Kysely } from 'kysely'
import { tokenActor } from '../../access/actor.ts'
import { withOperatorLog } from '../../access/operator-log.repository.ts'
import type { Database } from '../../db/database.ts'
import type { Partner } from '../../partners/partner.repository.ts'
import {
  listTokens,
  liveTokens,
  type Rotation,
  revokeToken,
  rotateToken,
} from '../../partners/token.repository.ts'
import { utc } from '../hub.ts'
import { CliError, type CliIo } from '../io.ts'

/** A number of days given as `option`, or the default; a CliError naming the option, the value and the range. */
export function daysOption(
  option: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new CliError(`${option} "${value}" is not a whole number of days from ${min} to ${max}`, 2)
  return n
}

/** The token id of `--token` (`#5` or `5`, as `partners tokens` lists them); a CliError otherwise. */
export function tokenIdOption(value: string | undefined): number {
  const id = /^#?(\d{1,9})$/.exec(value ?? '')?.[1]
  if (id === undefined)
    throw new CliError(
      `--token "${value ?? ''}" is not a token id (a number, as passerelle partners tokens lists them: #5 or 5)`,
      2,
    )
  return Number(id)
}

/** The day a partner's live tokens last until: `never` when one of them has no end. */
export function lastDay(tokens: readonly { expiresAt: Date | null }[]): string {
  let latest: Date | null = null
  for (const t of tokens) {
    if (t.expiresAt === null) return 'never'
    if (latest === null || t.expiresAt > latest) latest = t.expiresAt
  }
  return latest === null ? '-' : latest.toISOString().slice(0, 10)
}

/** `partners tokens`: every token of a partner, tab-separated, never the token itself. */
export async function printTokens(io: CliIo, db: Kysely<Database>, partner: Partner): Promise<number> {
  io.out(['token', 'audit actor', 'created', 'expires', 'revoked'].join('\t'))
  for (const t of await listTokens(db, partner.id))
    io.out(
      [
        `#${t.id}`,
        tokenActor(partner.code, t.id),
        t.createdAt.toISOString(),
        t.expiresAt?.toISOString() ?? 'never',
        t.revokedAt?.toISOString() ?? '',
      ].join('\t'),
    )
  return 0
}

/** What a rotation did to the tokens that worked before it, in words. */
function previousLine({ previous, previousUntil }: Rotation): string {
  if (previous === 0) return 'no token was live'
  const tokens = previous > 1 ? `${previous} previous tokens` : 'the previous token'
  if (previousUntil === null || previousUntil.getTime() <= Date.now()) return `${tokens} revoked`
  return `${tokens} ${previous > 1 ? 'work' : 'works'} until ${utc(previousUntil)}`
}

/** `partners rotate-token`: a new token, alone on the last line, and what became of the previous ones. */
export async function rotate(
  io: CliIo,
  db: Kysely<Database>,
  partner: Partner,
  terms: { validDays: number; overlapDays: number },
  operator: string,
): Promise<number> {
  const rotation = await withOperatorLog(
    db,
    operator,
    (tx) => rotateToken(tx, partner.id, terms),
    (r) => ({
      action: 'token/rotate',
      partnerId: partner.id,
      subject: `#${r.tokenId}`,
      detail: {
        validDays: terms.validDays,
        expiresAt: r.expiresAt.toISOString(),
        overlapDays: terms.overlapDays,
        previousTokens: r.previous,
        previousUntil: r.previousUntil?.toISOString() ?? null,
      },
    }),
  )
  io.out(
    `partner ${partner.code}: ${previousLine(rotation)}; new token #${rotation.tokenId} (${tokenActor(partner.code, rotation.tokenId)} in the audit log; valid until ${utc(rotation.expiresAt)}; shown once):`,
  )
  io.out(rotation.token)
  return 0
}

/** `partners revoke-token`: one token withdrawn at once, and what the partner has left. */
export async function revoke(
  io: CliIo,
  db: Kysely<Database>,
  partner: Partner,
  tokenId: number,
  operator: string,
): Promise<number> {
  const done = await withOperatorLog(
    db,
    operator,
    (tx) => revokeToken(tx, partner.id, tokenId),
    (r) =>
      r.state === 'revoked'
        ? { action: 'token/revoke', partnerId: partner.id, subject: `#${tokenId}` }
        : null,
  )
  const actor = tokenActor(partner.code, tokenId)
  if (done.state === 'not-found') {
    const ids = (await listTokens(db, partner.id)).map((t) => `#${t.id}`).join(', ')
    throw new CliError(
      `token #${tokenId} is not a token of ${partner.code} (${ids ? `its tokens: ${ids}` : 'it has none'}; see passerelle partners tokens --code ${partner.code})`,
    )
  }
  if (done.state === 'already-revoked') {
    io.out(`partner ${partner.code}: token #${tokenId} (${actor}) was already revoked on ${utc(done.at)}`)
    return 0
  }
  io.out(
    `partner ${partner.code}: token #${tokenId} revoked; what it read: passerelle audit-log --actor ${actor}`,
  )
  const left = await liveTokens(db, partner.id)
  io.out(
    left.length
      ? `live tokens left: ${left.map((t) => `#${t.id}${t.expiresAt ? ` until ${utc(t.expiresAt)}` : ''}`).join(', ')}`
      : `${partner.code} has no live token left: it can neither transmit nor read until passerelle partners rotate-token --code ${partner.code} issues one`,
  )
  return 0
}
