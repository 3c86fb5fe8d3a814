import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'

/** The hub's configuration, parsed once from the environment at the entry point and passed down. */
export interface HubConfig {
  /** PostgreSQL server URL; when absent the embedded store is used. */
  readonly databaseUrl: string | null
  /** Data folder of the embedded store, the demo's generated data and the published site. */
  readonly dataDir: string
  /** Key of the HMAC that turns a NIR13 into a person key; null when not configured. */
  readonly secret: string | null
  /**
   * How many reverse proxies in front of the hub append to X-Forwarded-For (0: none, the client
   * is the socket's peer). See src/server/client-address.ts.
   */
  readonly trustProxy: number
  /**
   * How many tables a publication aggregates at once on a PostgreSQL server, each on its own
   * connection (the embedded store runs one statement at a time whatever this says).
   */
  readonly publishConnections: number
  /**
   * How many threads a publication's protection searches on (one per population at most): each
   * holds its own copy of the tables' cells and its own solver.
   */
  readonly protectThreads: number
}

/** A configuration value the hub cannot run with; the message names the variable and the value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** More threads than any machine the hub runs on; the search uses one per population at most. */
export const MAX_PROTECT_THREADS = 64

/** More hops than any real chain of proxies: a larger value is a typo. */
export const MAX_TRUSTED_PROXIES = 10

/**
 * Reads DATABASE_URL, PASSERELLE_DATA (default `./.passerelle`), PASSERELLE_SECRET,
 * PASSERELLE_TRUST_PROXY (default 0), PASSERELLE_PUBLISH_CONNECTIONS (default 2) and
 * PASSERELLE_PROTECT_THREADS (default: the machine's cores). Throws a ConfigError on a value it
 * cannot use.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): HubConfig {
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL)
  const dataDir = resolve(cwd, env.PASSERELLE_DATA?.trim() || '.passerelle')
  const secret = env.PASSERELLE_SECRET?.trim() || null
  const trustProxy = parseTrustProxy(env.PASSERELLE_TRUST_PROXY)
  const publishConnections = parsePublishConnections(env.PASSERELLE_PUBLISH_CONNECTIONS)
  const protectThreads = parseCount('PASSERELLE_PROTECT_THREADS', env.PASSERELLE_PROTECT_THREADS, {
    empty: availableParallelism(),
    min: 1,
    max: MAX_PROTECT_THREADS,
    rule: 'how many threads protect the tables',
    example: 1,
  })
  return { databaseUrl, dataDir, secret, trustProxy, publishConnections, protectThreads }
}

/**
 * DATABASE_URL when set: a `postgres://` or `postgresql://` URL. Its value is not quoted in the
 * error, as it may hold a password.
 */
function parseDatabaseUrl(raw: string | undefined): string | null {
  const url = raw?.trim() || null
  if (url === null) return null
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  // An empty host is allowed: `postgres:///db?host=/run/postgresql` reaches a Unix socket.
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol))
    throw new ConfigError(
      'DATABASE_URL must be a URL postgres://user@host:port/database (its value is not shown: it may hold a password)',
    )
  return url
}

/**
 * The store's pool (src/db/connect.ts, 10) must hold more, with the publication lock's connection
 * (publish-lock.ts): more aggregation statements would only queue, and the facts' build waits for
 * its second connection.
 */
export const MAX_PUBLISH_CONNECTIONS = 8

// A grouping-sets statement with distinct persons runs on one core of the server: two at once use
// the 2-core reference machine fully (bench/README.md, bench:publish).
function parsePublishConnections(value: string | undefined): number {
  return parseCount('PASSERELLE_PUBLISH_CONNECTIONS', value, {
    empty: 2,
    min: 1,
    max: MAX_PUBLISH_CONNECTIONS,
    rule: 'how many tables to aggregate at once',
    example: 2,
  })
}

// A number of hops, not a yes/no: "true" (trust every hop) would let a client name any address by
// prefixing X-Forwarded-For, which is the hole this setting must not open.
function parseTrustProxy(value: string | undefined): number {
  return parseCount('PASSERELLE_TRUST_PROXY', value, {
    empty: 0,
    min: 0,
    max: MAX_TRUSTED_PROXIES,
    rule: 'the number of reverse proxies in front of the hub',
    example: 1,
  })
}

/** A whole number in [min, max] written in digits only; `empty` when unset or blank. */
function parseCount(
  name: string,
  value: string | undefined,
  range: { empty: number; min: number; max: number; rule: string; example: number },
): number {
  const text = value?.trim() ?? ''
  if (text === '') return range.empty
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!(n >= range.min && n <= range.max))
    throw new ConfigError(
      `${name} "${value}" must be ${range.rule}, ${range.min} to ${range.max} (e.g. ${range.example})`,
    )
  return n
}

/** Where the embedded store keeps its database files inside the data folder. */
export function embeddedDbDir(config: HubConfig): string {
  return resolve(config.dataDir, 'pgdata')
}
