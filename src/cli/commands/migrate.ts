import { parseArgs } from 'node:util'
import { withHub } from '../hub.ts'
import type { Command } from '../io.ts'

/** `passerelle migrate`: brings the store's schema to the latest version. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'create the hub, or bring its schema to the latest version (commands that write do it too)',
  usage: 'passerelle migrate',
  async run(args, io) {
    parseArgs({ args, options: {}, strict: true })
    await withHub(io, { needsSecret: false }, async ({ store }) => {
      io.out(`store ${store.kind} at ${store.location}: schema up to date`)
    })
    return 0
  },
}
