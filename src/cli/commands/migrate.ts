import { parseArgs } from 'node:util'
import { migrations } from '../../db/migrate.ts'
import { withHub } from '../hub.ts'
import type { Command } from '../io.ts'

/** `passerelle migrate`: brings the store's schema to the latest version. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary:
    'create the hub, or bring its schema to the latest version (demo, serve, partners add and referentials load do it too)',
  usage: 'passerelle migrate',
  options: [],
  async run(args, io) {
    parseArgs({ args, options: {}, strict: true })
    await withHub(io, { needsSecret: false }, async ({ store, migrated }) => {
      const latest = Object.keys(migrations).at(-1)
      const where = `store ${store.kind} at ${store.location}`
      if (migrated.length === 0) io.out(`${where}: schema up to date (${latest})`)
      else {
        const created = migrated[0] === Object.keys(migrations)[0]
        io.out(
          `${where}: ${created ? 'hub created' : 'schema brought up to date'}, ${migrated.length} ${migrated.length > 1 ? 'migrations' : 'migration'} applied:`,
        )
        for (const name of migrated) io.out(`  ${name}`)
      }
    })
    return 0
  },
}
