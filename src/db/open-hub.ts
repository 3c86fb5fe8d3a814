import { existsSync } from 'node:fs'
import { join } from 'node:path'
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
 * Throws a CliError unless the configured store already holds a hub: for the embedded store, a
 * database in the data folder; for a server, the migrations table. Commands that only read call it
 * first, so that a mistyped PASSERELLE_DATA or DATABASE_URL is reported instead of creating an
 * empty hub there and reporting on it.
 */
export async function requireExistingHub(config: HubConfig): Promise<void> {
  const create = '`passerelle migrate` creates one there, `passerelle demo` one with synthetic data'
  if (!config.databaseUrl) {
    const dir = embeddedDbDir(config)
    if (!existsSync(join(dir, 'PG_VERSION')))
      throw new CliError(`no hub in ${config.dataDir} (PASSERELLE_DATA): ${create}`)
    return
  }
  const store = openServerStore(config.databaseUrl, 1)
  try {
    const { rows } = await sql<{
      found: boolean
    }>`select to_regclass('kysely_migration') is not null as found`
      .execute(store.db)
      .catch((error: unknown) => {
        throw new CliError(
          `cannot open the store (${store.location}): ${error instanceof Error ? error.message : String(error)}`,
        )
      })
    if (!rows[0]?.found)
      throw new CliError(`the database of DATABASE_URL (${store.location}) holds no hub: ${create}`)
  } finally {
    await store.close()
  }
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
