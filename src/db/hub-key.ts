import { createHmac } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { personKey } from '../ingest/person-key.ts'
import type { Database } from './database.ts'

/** Who made a hub: `passerelle demo` (synthetic data) or an operator. */
export type HubOrigin = 'demo' | 'operator'

/** What a command brings to the hub it opens. */
export interface HubKeyClaim {
  /** PASSERELLE_SECRET (or the demo's own). */
  readonly secret: string
  /** `demo` when the command is `passerelle demo`, which must not run on an operator's hub. */
  readonly origin: HubOrigin
  /**
   * True when the data folder holds a demo's `secret` file: a hub made by a demo before
   * fingerprints were kept is recognised by it (whether the secret given is that one is checked
   * against the stored identities, as for any hub).
   */
  readonly demoSecretFile: boolean
}

/** Why a command may not use the hub: a stable code and a message for the operator. */
export interface HubKeyProblem {
  readonly code: 'hub/secret-mismatch' | 'hub/not-a-demo'
  readonly message: string
}

/**
 * The secret's fingerprint: an HMAC of a fixed text under the secret. It identifies the secret
 * without revealing it, and is unrelated to any person key (which HMACs a NIR).
 */
export function secretFingerprint(secret: string): string {
  return createHmac('sha256', secret).update('passerelle/hub-key/v1').digest('hex')
}

const NOT_A_DEMO =
  'passerelle demo adds synthetic partners, records and referentials to the hub it opens, and this hub was not made by a demo: give the demo a data folder of its own (PASSERELLE_DATA=./demo-data npm start)'

/**
 * Checks the claim against the hub and, on a hub that has no fingerprint yet, records it. A hub
 * made before fingerprints were kept is checked against one stored identity (its person key is
 * the HMAC of its NIR under the secret): a wrong secret is caught there too, not adopted.
 * Returns the problem, or null when the command may go on.
 */
export async function claimHubKey(db: Kysely<Database>, claim: HubKeyClaim): Promise<HubKeyProblem | null> {
  const fingerprint = secretFingerprint(claim.secret)
  const kept = await db.selectFrom('hub_key').select(['fingerprint', 'origin']).executeTakeFirst()
  // A demo on someone else's hub is refused first: its secret being wrong too is beside the point.
  if (kept) {
    if (claim.origin === 'demo' && kept.origin !== 'demo')
      return { code: 'hub/not-a-demo', message: NOT_A_DEMO }
    return kept.fingerprint === fingerprint ? null : mismatch('is not the one this hub was made with')
  }
  const used = await db.selectFrom('partner').select('id').limit(1).executeTakeFirst()
  if (claim.origin === 'demo' && used && !claim.demoSecretFile)
    return { code: 'hub/not-a-demo', message: NOT_A_DEMO }
  const identity = await db
    .selectFrom('person_identity')
    .select(['nir', 'person_key'])
    .limit(1)
    .executeTakeFirst()
  if (identity && personKey(claim.secret, identity.nir) !== identity.person_key)
    return mismatch('does not key the persons this hub already holds')
  const origin: HubOrigin = claim.origin === 'demo' || claim.demoSecretFile ? 'demo' : 'operator'
  // Two commands starting at once on a new hub: the first row stands, and the other is checked
  // against it.
  // (`returning`: the embedded store's driver does not count rows an insert skipped.)
  const inserted = await db
    .insertInto('hub_key')
    .values({ fingerprint, origin })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted === undefined ? claimHubKey(db, claim) : null
}

/** True when the store has the `hub_key` table and a fingerprint in it. */
export async function hasHubKey(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ kept: boolean }>`select to_regclass('hub_key') is not null as kept`.execute(db)
  if (!rows[0]?.kept) return false
  return (await db.selectFrom('hub_key').select('id').executeTakeFirst()) !== undefined
}

function mismatch(what: string): HubKeyProblem {
  return {
    code: 'hub/secret-mismatch',
    message: `PASSERELLE_SECRET ${what}: person keys made with it would link no record to the persons already stored. Use the hub's secret (for a demo's data folder, the one in its file named secret); the hub refuses any other`,
  }
}
