import { resolve } from 'node:path'

/** The hub's configuration, parsed once from the environment at the entry point and passed down. */
export interface HubConfig {
  /** PostgreSQL server URL; when absent the embedded store is used. */
  readonly databaseUrl: string | null
  /** Data folder of the embedded store, the demo's generated data and the published site. */
  readonly dataDir: string
  /** Key of the HMAC that turns a NIR13 into a person key; null when not configured. */
  readonly secret: string | null
}

/** Reads DATABASE_URL, PASSERELLE_DATA (default `./.passerelle`) and PASSERELLE_SECRET. */
export function readConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): HubConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null
  const dataDir = resolve(cwd, env.PASSERELLE_DATA?.trim() || '.passerelle')
  const secret = env.PASSERELLE_SECRET?.trim() || null
  return { databaseUrl, dataDir, secret }
}

/** Where the embedded store keeps its database files inside the data folder. */
export function embeddedDbDir(config: HubConfig): string {
  return resolve(config.dataDir, 'pgdata')
}
