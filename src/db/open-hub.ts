import { sql } from 'kysely'
import { CliError } from '../cli/io.ts'
import { embeddedDbDir, type HubConfig } from '../config.ts'
import { openEmbeddedStore, openServerStore, type Store } from './connect.ts'
import { migrateToLatest } from './migrate.ts'
import { seedReference } from './seed-reference.ts'

/** Opens the configured store: the server of DATABASE_URL, or the embedded one in the data folder. */
export async function openStore(config: HubConfig): Promise<Store> {
  return config.databaseUrl ? openServerStore(config.databaseUrl) : openEmbeddedStore(embeddedDbDir(config))
}

/**
 * Migrates the store to the latest schema and loads the shipped reference lists when they are
 * missing. Throws a CliError naming the failed migration.
 */
export async function prepareStore(store: Store): Promise<string[]> {
  const { error, results } = await migrateToLatest(store.db)
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  if (error) {
    const message = error instanceof Error ? error.message : String(error)
    const failed = (results ?? []).find((r) => r.status === 'Error')?.migrationName
    // No migration failed: the store could not be reached or read at all (server down, wrong
    // host, database or password).
    throw new CliError(
      failed
        ? `migration ${failed} failed: ${message}`
        : `cannot open the store (${store.location}): ${message}`,
    )
  }
  const { count } = (
    await sql<{ count: number }>`select count(*)::int as count from commune`.execute(store.db)
  ).rows[0] ?? { count: 0 }
  if (applied.length > 0 || count === 0) await seedReference(store.db)
  return applied
}
