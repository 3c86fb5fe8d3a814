import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { Preparer } from '../ingest/preparer.ts'
import type { Partner } from '../partners/partner.repository.ts'

/** What the HTTP layer is given: it holds no business rule of its own. */
export interface ServerDeps {
  readonly db: Kysely<Database>
  readonly storeKind: 'pg' | 'pglite'
  /** Validates and prepares records (on worker threads when served). */
  readonly preparer: Preparer
  /** The hub's date, `YYYY-MM-DD`, for the rules on dates. */
  readonly today: () => string
  /** Folder of the published site, served at `/` when set. */
  readonly siteDir?: string | null
  /** True while a publication is putting the site into `siteDir` (server/site.ts). */
  readonly sitePublishing?: () => boolean
  /** PASSERELLE_SECRET: keys the opaque cursors. Without it, a random key lives as long as the process. */
  readonly secret?: string
  /**
   * Reverse proxies in front of the hub that append to X-Forwarded-For (PASSERELLE_TRUST_PROXY);
   * 0 or absent: the client is the socket's peer.
   */
  readonly trustProxy?: number
  /**
   * How long the partner area shows a dashboard or quality summary without looking for newer data
   * (seconds; default summaries.ts DEFAULT_MAX_AGE_SECONDS).
   */
  readonly summaryMaxAgeSeconds?: number
}

/** Variables hono carries through a request. */
export interface AppEnv {
  Variables: {
    partner: Partner
    /** Who reads, for the audit log: `token:<partner code>#<token id>` or `user:<e-mail>`. */
    actor: string
    /** The bearer token of an API request: its id and dates (never the token). */
    token: { readonly id: number; readonly issuedAt: Date; readonly expiresAt: Date | null }
  }
}
