import { embeddedDbDir, type HubConfig, readConfig } from '../config.ts'
import { checkEmbeddedStoreFolder, type Store } from '../db/connect.ts'
import { claimHubKey, type HubOrigin, hasHubKey } from '../db/hub-key.ts'
import { openStore, prepareStore, requireExistingHub } from '../db/open-hub.ts'
import { CliError, type CliIo } from './io.ts'
import { missingSecret, readDemoSecret } from './missing-secret.ts'

/** The hub as a command sees it: its configuration and an open, migrated store. */
export interface Hub {
  readonly config: HubConfig
  readonly store: Store
  /** The migrations this opening applied, oldest first (none when the schema was up to date). */
  readonly migrated: readonly string[]
}

/**
 * Runs `fn` with an open, migrated store and closes it afterwards, whatever happens. Commands that
 * read or write persons need the secret: they refuse to start without it. Commands that read the
 * hub or need what it holds (`existing`) refuse a store that holds no hub yet rather than create
 * an empty one. Whenever a secret is configured, it must be the hub's (its fingerprint is kept at
 * the first command that brings one); `origin: 'demo'` also refuses a hub a demo did not make.
 */
export async function withHub<T>(
  io: CliIo,
  options: { needsSecret: boolean; existing?: boolean; config?: HubConfig; origin?: HubOrigin },
  fn: (hub: Hub & { secret: string }) => Promise<T>,
): Promise<T> {
  const config = options.config ?? readConfig(io.env, io.cwd)
  if (options.needsSecret && !config.secret) {
    throw missingSecret(
      config,
      'it keys the hash that links persons across partners and must stay the same for the life of the hub',
    )
  }
  if (options.existing) {
    // A data folder that is a file, or under /proc, is named as such, not as a folder without a hub.
    if (!config.databaseUrl) checkEmbeddedStoreFolder(embeddedDbDir(config), { probe: true })
    await requireExistingHub(config)
  }
  const store = await openStore(config)
  try {
    const origin = options.origin ?? 'operator'
    // A hub that keeps its fingerprint already is checked before it is migrated: a wrong secret,
    // or a demo on an operator's hub, changes nothing there. A hub made before fingerprints were
    // kept is checked once the migration has made the table.
    const early = config.secret !== null && (await hasHubKey(store.db))
    if (early) await checkSecret(store, config, config.secret!, origin)
    const migrated = await prepareStore(store)
    if (config.secret && !early) await checkSecret(store, config, config.secret, origin)
    return await fn({ config, store, migrated, secret: config.secret ?? '' })
  } finally {
    await store.close()
  }
}

async function checkSecret(store: Store, config: HubConfig, secret: string, origin: HubOrigin) {
  const demoSecretFile = config.databaseUrl === null && readDemoSecret(config.dataDir) !== null
  const problem = await claimHubKey(store.db, { secret, origin, demoSecretFile })
  if (problem) throw new CliError(`${problem.message} (${problem.code})`)
}

/** An instant to the minute in UTC, as the operator's commands print them: `2026-12-06 10:05 UTC`. */
export function utc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** Formats an integer with thin grouping for operators' eyes. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** Worker threads for validation (PASSERELLE_PREPARE_THREADS, default 1; 0: in the main thread). */
export function prepareThreads(env: Readonly<Record<string, string | undefined>>): number {
  const n = Number(env.PASSERELLE_PREPARE_THREADS ?? 1)
  if (!Number.isInteger(n) || n < 0 || n > 16)
    throw new CliError(
      `PASSERELLE_PREPARE_THREADS "${env.PASSERELLE_PREPARE_THREADS}" must be an integer from 0 to 16`,
      2,
    )
  return n
}
