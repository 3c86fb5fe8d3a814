import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { Partner } from '../partners/partner.repository.ts'
import { hashToken } from '../partners/tokens.ts'
import { type DossierView, dossierView } from './dossier.repository.ts'
import type { DossierRows } from './dossier-query.ts'

/** A bearer-token read: who holds the token, and the dossier when it is theirs. */
export interface TokenDossierRead {
  readonly partner: Partner
  readonly tokenId: number
  readonly view: DossierView | undefined
}

/**
 * Authenticates `token` and reads the holder's record `id` in one statement
 * (`passerelle_token_dossier_read`, migration 2026_12_03_09_00_00): the token lookup of
 * `partnerByToken`, then `readDossier` under the holder's row-level policies, audited as the
 * token (`tokenActor`). Undefined when the token is unknown or revoked; `view` undefined when the
 * record is not the holder's or does not exist — the same answer. `id` null reads nothing (an id
 * the route refused) but still authenticates.
 */
export async function readDossierWithToken(
  db: Kysely<Database>,
  token: string,
  id: string | null,
  asOf: string,
  route: string,
): Promise<TokenDossierRead | undefined> {
  const { rows } = await sql<{ data: unknown }>`
    select passerelle_token_dossier_read(${hashToken(token)}, ${id}, ${route}) as data`.execute(db)
  const raw = rows[0]?.data
  if (raw === null || raw === undefined) return undefined
  const data = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
    partner: Partner
    tokenId: number
    dossier: DossierRows
  }
  return {
    partner: data.partner,
    tokenId: data.tokenId,
    view: id === null ? undefined : dossierView(data.dossier, data.partner.id, id, asOf),
  }
}
