import { sql } from 'kysely'
import type { PartnerScope } from './partner-tx.ts'

/**
 * What the partner area keeps per partner: its dashboard on its dossiers, its dashboard on its CEP
 * periods, and the costly part of its quality view.
 */
export type SummaryKind = 'dashboard' | 'cep-dashboard' | 'quality'

/** A stored summary, and whether it may be shown without computing it again. */
export interface StoredSummary<T> {
  readonly body: T
  /** When its computation began, as an ISO instant. */
  readonly computedAt: string
  /**
   * Computed for this day, and either younger than the maximum age or older than every change it
   * depends on: the end or start of one of the partner's transmissions, a referential load.
   */
  readonly current: boolean
}

/**
 * A running transmission that has committed nothing for this long is taken as stopped (a kill -9,
 * a crash): a batch takes seconds; an hour leaves room for lock waits and slow disks.
 */
export const STALLED_SECONDS = 3600

/** The partner's stored summary of `kind` for the hub's date `today`, if one was computed. */
export async function readSummary<T>(
  scope: PartnerScope,
  kind: SummaryKind,
  today: string,
  maxAgeSeconds: number,
): Promise<StoredSummary<T> | null> {
  // A transmission still running may change the partner's data at any moment: such a summary is
  // current only while young, unless the transmission had committed nothing for an hour when the
  // summary began (an import killed and never resumed): every batch of it was in by then. One
  // started since has either ended since or is still running, so the end alone is tested.
  const { rows } = await sql<{ body: unknown; computed_at: Date | string; current: boolean }>`
    select s.body, s.computed_at, s.as_of = ${today}::date and (
      s.computed_at > now() - make_interval(secs => ${maxAgeSeconds})
      or not (
        exists (select 1 from transmission t where t.partner_id = s.partner_id
          and (t.finished_at > s.computed_at
            or (t.finished_at is null and coalesce(t.progressed_at, t.started_at)
              > s.computed_at - make_interval(secs => ${STALLED_SECONDS}))))
        or exists (select 1 from referential_load r where r.loaded_at > s.computed_at))) as current
    from partner_summary s where s.partner_id = ${scope.partnerId} and s.kind = ${kind}`.execute(scope.db)
  const row = rows[0]
  if (!row) return null
  return {
    body: (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as T,
    computedAt: new Date(row.computed_at).toISOString(),
    current: row.current === true,
  }
}

/**
 * Stores the partner's summary of `kind` for `today`, replacing the previous one. Its time is the
 * transaction's start, before the summary was computed in it: a change committed meanwhile is
 * later than the summary, which is then computed again.
 */
export async function storeSummary<T>(
  scope: PartnerScope,
  kind: SummaryKind,
  today: string,
  body: T,
): Promise<StoredSummary<T>> {
  const json = JSON.stringify(body)
  const { rows } = await sql<{ computed_at: Date | string }>`
    insert into partner_summary (partner_id, kind, as_of, computed_at, body)
    values (${scope.partnerId}, ${kind}, ${today}::date, now(), ${json}::jsonb)
    on conflict (partner_id, kind) do update
      set as_of = excluded.as_of, computed_at = excluded.computed_at, body = excluded.body
    returning computed_at`.execute(scope.db)
  return { body, computedAt: new Date(rows[0]!.computed_at).toISOString(), current: true }
}
