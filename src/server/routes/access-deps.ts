import { randomBytes } from 'node:crypto'
import { type SummaryCache, summaryCache } from '../../access/summaries.ts'
import type { ServerDeps } from '../context.ts'

/**
 * What the partner-access routes need beyond ServerDeps: the key of their opaque cursors, and the
 * partner area's summaries this server computes.
 */
export interface AccessDeps extends ServerDeps {
  readonly cursorKey: string
  readonly summaries: SummaryCache
}

/** The deps with a cursor key (PASSERELLE_SECRET, else a random key for this process only) and a summary cache. */
export function accessDeps(deps: ServerDeps): AccessDeps {
  return {
    ...deps,
    cursorKey: deps.secret ?? randomBytes(32).toString('hex'),
    summaries: summaryCache(deps.summaryMaxAgeSeconds),
  }
}
