import { randomBytes } from 'node:crypto'
import type { ServerDeps } from '../context.ts'

/** What the partner-access routes need beyond ServerDeps: the key of their opaque cursors. */
export interface AccessDeps extends ServerDeps {
  readonly cursorKey: string
}

/** The deps with a cursor key: PASSERELLE_SECRET, else a random key for this process only. */
export function accessDeps(deps: ServerDeps): AccessDeps {
  return { ...deps, cursorKey: deps.secret ?? randomBytes(32).toString('hex') }
}
