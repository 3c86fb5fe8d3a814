import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { ValidationContext } from '../ingest/validate/index.ts'
import type { Partner } from '../partners/partner.repository.ts'

/** What the HTTP layer is given: it holds no business rule of its own. */
export interface ServerDeps {
  readonly db: Kysely<Database>
  readonly storeKind: 'pg' | 'pglite'
  /** HMAC key of person keys. */
  readonly secret: string
  /** The validation context of the current day (code lists, today's date). */
  readonly validation: () => ValidationContext
  /** Folder of the published site, served at `/` when set. */
  readonly siteDir?: string | null
}

/** Variables hono carries through a request. */
export interface AppEnv {
  Variables: { partner: Partner }
}
