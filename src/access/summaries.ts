import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { readCepDashboard } from './cep-dashboard.repository.ts'
import { readDashboard } from './dashboard.repository.ts'
import { readSummary, type SummaryKind, storeSummary } from './partner-summary.repository.ts'
import { type PartnerScope, withPartner } from './partner-tx.ts'
import { computeQualitySummary } from './quality.repository.ts'
import { type RecordSources, readSourcesShown } from './record-sources.ts'

/** A summary as a page shows it: its figures, when they were computed, whether newer ones are on the way. */
export interface Summarised<T> {
  readonly body: T
  /** ISO instant. */
  readonly computedAt: string
  /** The figures are older than a change to the data; newer ones are being computed. */
  readonly refreshing: boolean
}

/** The summaries one server computes, so that two views of a page compute a summary once. */
export interface SummaryCache {
  /** A summary younger than this is shown as it is, whatever changed since. */
  readonly maxAgeSeconds: number
  /**
   * How long a page waits for a partner's first summary before answering that it is being
   * computed (the largest partners' take longer than a reverse proxy waits).
   */
  readonly firstWaitMs: number
  readonly computing: Map<string, Promise<Summarised<unknown>>>
  /**
   * The last computation of each summary this server finished, and when (`performance.now()`): a
   * view whose read of the stored summary began before that end may have missed it.
   */
  readonly finished: Map<string, { readonly at: number; readonly summary: Summarised<unknown> }>
  /** Told of every computation that fails (a page waiting for it also answers an error). */
  readonly onError: (error: unknown) => void
}

/** Ten minutes: a partner sees its own transmissions in its figures within that time. */
export const DEFAULT_MAX_AGE_SECONDS = 600

/** Five seconds: the first view of a page waits that long for its summary at most. */
export const DEFAULT_FIRST_WAIT_MS = 5000

/** A cache for one server. */
export function summaryCache(
  maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS,
  onError: (error: unknown) => void = (error) =>
    console.error(`passerelle: a partner summary failed: ${(error as Error).message ?? error}`),
  firstWaitMs = DEFAULT_FIRST_WAIT_MS,
): SummaryCache {
  return { maxAgeSeconds, firstWaitMs, computing: new Map(), finished: new Map(), onError }
}

/**
 * The partner's summary of `kind` for `today`: the stored one while current; otherwise the stored
 * one all the same, marked as refreshing, while it is computed again in the background. When none
 * was ever stored, it is computed now, and null answers when that takes longer than the cache's
 * `firstWaitMs` (the computation goes on). Each computation runs in the partner's scope (row-level
 * security), so it sees and stores only the partner's own rows.
 */
export async function summarised<T>(
  db: Kysely<Database>,
  cache: SummaryCache,
  partnerId: number,
  kind: SummaryKind,
  today: string,
  compute: (scope: PartnerScope) => Promise<T>,
): Promise<Summarised<T> | null> {
  const key = `${partnerId}:${kind}`
  const readAt = performance.now()
  const stored = await withPartner(db, partnerId, (scope) =>
    readSummary<T>(scope, kind, today, cache.maxAgeSeconds),
  )
  if (stored?.current) return { body: stored.body, computedAt: stored.computedAt, refreshing: false }
  // A computation that ended while this view read may be newer than what it read (two views of a
  // first summary at once: the second read before the first stored it, and looked after).
  const finished = cache.finished.get(key)
  if (finished && finished.at > readAt) return finished.summary as Summarised<T>
  let running = cache.computing.get(key) as Promise<Summarised<T>> | undefined
  if (!running) {
    running = refreshSummary(db, partnerId, kind, today, compute)
    cache.computing.set(key, running)
    // Reported once, here: the views that show the stored summary meanwhile do not wait for it.
    void running.then(
      (summary) => {
        cache.finished.set(key, { at: performance.now(), summary })
        cache.computing.delete(key)
      },
      (error) => {
        cache.computing.delete(key)
        cache.onError(error)
      },
    )
  }
  if (!stored) return firstWait(running, cache.firstWaitMs)
  return { body: stored.body, computedAt: stored.computedAt, refreshing: true }
}

// The first summary if it comes within the wait, else null.
async function firstWait<T>(running: Promise<Summarised<T>>, waitMs: number): Promise<Summarised<T> | null> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs)
  })
  try {
    return await Promise.race([running, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Computes the partner's summary of `kind` for `today` and stores it, in one scoped transaction. */
export async function refreshSummary<T>(
  db: Kysely<Database>,
  partnerId: number,
  kind: SummaryKind,
  today: string,
  compute: (scope: PartnerScope) => Promise<T>,
): Promise<Summarised<T>> {
  const stored = await withPartner(db, partnerId, async (scope) =>
    storeSummary(scope, kind, today, await compute(scope)),
  )
  return { body: stored.body, computedAt: stored.computedAt, refreshing: false }
}

/**
 * How each summary is computed: the dossier dashboard depends on the day (outcomes reached by
 * then); the CEP dashboard (the operator's own periods) and the quality view do not.
 */
export const SUMMARIES = {
  dashboard: (scope: PartnerScope, today: string) => readDashboard(scope, today),
  'cep-dashboard': (scope: PartnerScope, _today: string) => readCepDashboard(scope),
  quality: (scope: PartnerScope, _today: string) => computeQualitySummary(scope),
} as const satisfies Record<SummaryKind, (scope: PartnerScope, today: string) => Promise<unknown>>

/**
 * The summaries the partner area shows a partner offered `shown` records: the dashboard of each
 * source it is offered (as its dashboard page does), and the quality view.
 * @example summariesShown({ dossiers: true, cep: false }) // ['dashboard', 'quality']
 */
export function summariesShown(shown: RecordSources): SummaryKind[] {
  return [
    ...(shown.dossiers ? ['dashboard' as const] : []),
    ...(shown.cep ? ['cep-dashboard' as const] : []),
    'quality',
  ]
}

/**
 * Computes and stores the summaries the partner area shows the partner, for `today`: after an
 * import, so that the partner's first view of its pages does not wait for them. A dashboard the
 * partner is not offered (a funder's CEP dashboard when it never sent a period) is not computed:
 * no page would show it. Answers the kinds computed.
 */
export async function refreshPartnerSummaries(
  db: Kysely<Database>,
  partnerId: number,
  today: string,
): Promise<SummaryKind[]> {
  const kinds = summariesShown(await withPartner(db, partnerId, readSourcesShown))
  for (const kind of kinds)
    await refreshSummary<unknown>(db, partnerId, kind, today, (scope) => SUMMARIES[kind](scope, today))
  return kinds
}
