import { type Kysely, sql } from 'kysely'

/**
 * When a transmission last committed records: each batch stamps it. `passerelle status` tells an
 * import under way from one stopped without a word (kill -9, a crash) by it, and a partner's
 * summaries stop counting a transmission stalled for an hour as about to change its data. Rows
 * from before have none: their start stands in for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table transmission add column progressed_at timestamptz`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table transmission drop column if exists progressed_at`.execute(db)
}
