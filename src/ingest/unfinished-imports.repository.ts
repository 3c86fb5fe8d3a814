import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { shownStatus } from './transmission.repository.ts'

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
 * where it committed. Left alone, a partner's data stay partial.
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
    where t.channel = 'file' and t.status <> 'done'
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
