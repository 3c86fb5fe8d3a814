import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HubConfig } from '../config.ts'
import { CliError } from './io.ts'

/** Where `passerelle demo` keeps the secret it made for its data folder. */
export function demoSecretPath(dataDir: string): string {
  return join(dataDir, 'secret')
}

/** The secret `passerelle demo` made for its data folder, or null when it made none there. */
export function readDemoSecret(dataDir: string): string | null {
  const path = demoSecretPath(dataDir)
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : null
}

/**
 * The error of a command that needs PASSERELLE_SECRET without it. On a data folder a demo made,
 * it says how to use the demo's secret: a fresh secret, as the generic advice suggests, would key
 * new records apart from every person already stored there, and their dossiers would not link.
 */
export function missingSecret(config: HubConfig, why: string): CliError {
  const demo = demoSecretPath(config.dataDir)
  const advice =
    config.databaseUrl === null && existsSync(demo)
      ? `; this data folder's demo made one: export PASSERELLE_SECRET="$(cat ${demo})"`
      : ' (generate one with: openssl rand -hex 32)'
  return new CliError(`PASSERELLE_SECRET is not set: ${why}${advice}`)
}
