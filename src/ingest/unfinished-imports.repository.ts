import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { STALLED_AFTER_MINUTES, shownStatus } from './transmission.repository.ts'

/** A file import that has not reached its file's end: interrupted, or still marked running. */
export interface UnfinishedImport {
  readonly partner: string
  readonly transmission: number
  /** The file's name as it was imported. */
  readonly file: string
  /**
   * `interrupted`: stopped cleanly (Ctrl-C). `running`: under way. `stalled`: still marked running
   * with no batch for STALLED_AFTER_MINUTES, most likely stopped without a word (kill -9, a crash).
   */
  readonly status: 'running' | 'interrupted' | 'stalled'
  readonly startedAt: Date
  /** When its last batch committed (its start when none did). */
  readonly lastProgress: Date
  /** Bytes and lines committed so far, of a file of `bytesTotal` bytes. */
  readonly bytesDone: number
  readonly bytesTotal: number | null
  readonly lines: number
}

/**
 * File imports not finished, oldest first: the same `passerelle import` run again continues each
 * where it committed. Left alone, a partner's data stay partial. Abandoned ones are not listed.
 */
export async function unfinishedImports(
  db: Kysely<Database>,
  partnerId?: number,
): Promise<UnfinishedImport[]> {
  const { rows } = await sql<{
    partner: string
    id: number
    source: string | null
    status: 'running' | 'interrupted' | 'stalled'
    started_at: Date | string
    last_progress: Date | string
    byte_offset: string | number
    file_size: string | number | null
    lines: number
  }>`
    select p.code as partner, t.id, t.source, ${shownStatus('t')} as status, t.started_at,
      coalesce(t.progressed_at, t.started_at) as last_progress, t.byte_offset, t.file_size, t.lines
    from transmission t join partner p on p.id = t.partner_id
    where t.channel = 'file' and t.status not in ('done', 'abandoned')
      ${partnerId === undefined ? sql`` : sql`and t.partner_id = ${partnerId}`}
    order by t.started_at, t.id`.execute(db)
  return rows.map((r) => ({
    partner: r.partner,
    transmission: Number(r.id),
    file: r.source ?? '',
    status: r.status,
    startedAt: new Date(r.started_at),
    lastProgress: new Date(r.last_progress),
    bytesDone: Number(r.byte_offset),
    bytesTotal: r.file_size === null ? null : Number(r.file_size),
    lines: r.lines,
  }))
}

/** Why an import cannot be abandoned, as data for the operator's message. */
export type AbandonProblem =
  | { readonly code: 'import/unknown-transmission'; readonly message: string }
  | { readonly code: 'import/not-unfinished'; readonly message: string }
  | { readonly code: 'import/still-running'; readonly message: string }

/**
 * Marks the unfinished file import `id` abandoned: `passerelle status` stops listing it. One that
 * committed a batch within STALLED_AFTER_MINUTES may be under way in another process: refused.
 * The records it committed stay. Returns the import abandoned, or the problem.
 */
export async function abandonImport(
  db: Kysely<Database>,
  id: number,
): Promise<{ ok: true; abandoned: UnfinishedImport } | { ok: false; problem: AbandonProblem }> {
  const found = (await unfinishedImports(db)).find((u) => u.transmission === id)
  if (!found) {
    const row = await db
      .selectFrom('transmission')
      .select(['channel', 'status'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row)
      return { ok: false, problem: { code: 'import/unknown-transmission', message: `no transmission ${id}` } }
    return {
      ok: false,
      problem: {
        code: 'import/not-unfinished',
        message: `transmission ${id} is ${row.channel === 'api' ? 'an API transmission' : `a file import that is ${row.status}`}: only an unfinished file import (interrupted or stalled) can be abandoned`,
      },
    }
  }
  if (found.status === 'running')
    return {
      ok: false,
      problem: {
        code: 'import/still-running',
        message: `transmission ${id} committed a batch at ${found.lastProgress.toISOString()}: it may be under way in another passerelle import; stop that one first (Ctrl-C), or wait ${STALLED_AFTER_MINUTES} minutes without a batch`,
      },
    }
  // The same conditions again in the update: an import resumed since the check is left alone.
  const closed = await db
    .updateTable('transmission')
    .set({ status: 'abandoned', finished_at: sql`now()` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'interrupted'),
        eb.and([
          eb('status', '=', 'running'),
          eb(
            sql`coalesce(progressed_at, started_at)`,
            '<',
            sql`now() - make_interval(mins => ${STALLED_AFTER_MINUTES})`,
          ),
        ]),
      ]),
    )
    .returning('id')
    .executeTakeFirst()
  if (!closed)
    return {
      ok: false,
      problem: {
        code: 'import/still-running',
        message: `transmission ${id} was resumed while it was being abandoned: it is under way`,
      },
    }
  return { ok: true, abandoned: found }
}
