import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { readDashboard } from './dashboard.repository.ts'
import { readSummary, type SummaryKind, storeSummary } from './partner-summary.repository.ts'
import { type PartnerScope, withPartner } from './partner-tx.ts'
import { computeQualitySummary } from './quality.repository.ts'

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
  readonly computing: Map<string, Promise<Summarised<unknown>>>
  /** What became of a computation no page waits for. */
  readonly onError: (error: unknown) => void
}

/** Ten minutes: a partner sees its own transmissions in its figures within that time. */
export const DEFAULT_MAX_AGE_SECONDS = 600

/** A cache for one server. */
export function summaryCache(
  maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS,
  onError: (error: unknown) => void = (error) =>
    console.error(`passerelle: a partner summary failed: ${(error as Error).message ?? error}`),
): SummaryCache {
  return { maxAgeSeconds, computing: new Map(), onError }
}

/**
 * The partner's summary of `kind` for `today`: the stored one while current; otherwise the stored
 * one all the same, marked as refreshing, while it is computed again in the background; computed
 * now only when none was ever stored. Each computation runs in the partner's scope (row-level
 * security), so it sees and stores only the partner's own rows.
 */
export async function summarised<T>(
  db: Kysely<Database>,
  cache: SummaryCache,
  partnerId: number,
  kind: SummaryKind,
  today: string,
  compute: (scope: PartnerScope) => Promise<T>,
): Promise<Summarised<T>> {
  const stored = await withPartner(db, partnerId, (scope) =>
    readSummary<T>(scope, kind, today, cache.maxAgeSeconds),
  )
  if (stored?.current) return { body: stored.body, computedAt: stored.computedAt, refreshing: false }
  const key = `${partnerId}:${kind}`
  let running = cache.computing.get(key) as Promise<Summarised<T>> | undefined
  if (!running) {
    running = refreshSummary(db, partnerId, kind, today, compute)
    cache.computing.set(key, running)
    void running.then(
      () => cache.computing.delete(key),
      () => cache.computing.delete(key),
    )
  }
  if (!stored) return running
  running.catch(cache.onError)
  return { body: stored.body, computedAt: stored.computedAt, refreshing: true }
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

/** How each summary is computed: the dashboard depends on the day (outcomes reached by then), the quality view does not. */
export const SUMMARIES = {
  dashboard: (scope: PartnerScope, today: string) => readDashboard(scope, today),
  quality: (scope: PartnerScope, _today: string) => computeQualitySummary(scope),
} as const

/**
 * Computes and stores every summary of the partner for `today`: after an import, so that the
 * partner's first view of its pages does not wait for them.
 */
export async function refreshPartnerSummaries(
  db: Kysely<Database>,
  partnerId: number,
  today: string,
): Promise<void> {
  for (const kind of Object.keys(SUMMARIES) as SummaryKind[])
    await refreshSummary<unknown>(db, partnerId, kind, today, (scope) => SUMMARIES[kind](scope, today))
}
