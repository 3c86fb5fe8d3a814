import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { jsonRows } from '../db/json-param.ts'
import type { ReferentialKind } from './kinds.ts'
import type { ReferentialSpec } from './spec.ts'

// Advisory lock space of referential loads (ingest uses 4242 for partners, 4243 for persons; the
// partner area's sign-in attempts 4244).
const REFERENTIAL_LOCK_SPACE = 4245

/** One kind's last load. */
export interface ReferentialLoad {
  readonly kind: string
  readonly file: string
  readonly fileSha256: string
  readonly rows: number
  readonly loadedAt: Date
}

/**
 * Serialises loads of one kind and empties its table, inside the load's transaction. A delete
 * rather than a truncate: readers keep seeing the previous load until the commit, instead of
 * waiting on a table lock.
 */
export async function clearReferential(tx: Kysely<Database>, spec: ReferentialSpec): Promise<void> {
  await sql`select pg_advisory_xact_lock(${REFERENTIAL_LOCK_SPACE}, hashtext(${spec.kind}))`.execute(tx)
  await sql`delete from ${sql.table(spec.table)}`.execute(tx)
}

/**
 * Inserts rows of a referential as one JSON parameter. With a unique key, a row whose key is
 * already stored (an earlier line) is skipped and the keys actually inserted are returned, in
 * no particular order; without one, every row is inserted and null is returned.
 */
export async function insertReferentialRows(
  tx: Kysely<Database>,
  spec: ReferentialSpec,
  rows: readonly object[],
): Promise<string[] | null> {
  const names = Object.keys(spec.columns)
  // Column names and types come from the static specs, never from the file.
  const columns = sql.raw(names.join(', '))
  const selected = sql.raw(names.map((n) => `x.${n}`).join(', '))
  const types = sql.raw(names.map((n) => `${n} ${spec.columns[n]}`).join(', '))
  const insert = sql`insert into ${sql.table(spec.table)} (${columns})
    select ${selected} from json_to_recordset(${jsonRows(rows)}) as x(${types})`
  if (spec.unique === null) {
    await insert.execute(tx)
    return null
  }
  const key = sql.ref(spec.unique.column)
  const inserted = await sql<{
    key: string
  }>`${insert} on conflict (${key}) do nothing returning ${key} as key`.execute(tx)
  return inserted.rows.map((r) => r.key)
}

/**
 * Records a kind's load, replacing the record of the previous one: the last statement of the
 * load's transaction. Its time is the clock's now, not the transaction's start (`now()`): a
 * partner summary computed while a long load ran began after that start, without the load's rows,
 * and would otherwise count as newer than the load (access/partner-summary.repository.ts).
 */
export async function recordReferentialLoad(
  tx: Kysely<Database>,
  load: { kind: ReferentialKind; file: string; fileSha256: string; rows: number },
): Promise<void> {
  const loadedAt = sql<Date>`clock_timestamp()`
  await tx
    .insertInto('referential_load')
    .values({
      kind: load.kind,
      file: load.file,
      file_sha256: load.fileSha256,
      rows: load.rows,
      loaded_at: loadedAt,
    })
    .onConflict((oc) =>
      oc.column('kind').doUpdateSet({
        file: load.file,
        file_sha256: load.fileSha256,
        rows: load.rows,
        loaded_at: loadedAt,
      }),
    )
    .execute()
}

/** The last load of every kind loaded so far, by kind. */
export async function listReferentialLoads(db: Kysely<Database>): Promise<ReferentialLoad[]> {
  const rows = await db.selectFrom('referential_load').selectAll().orderBy('kind').execute()
  return rows.map((r) => ({
    kind: r.kind,
    file: r.file,
    fileSha256: r.file_sha256,
    rows: r.rows,
    loadedAt: new Date(r.loaded_at),
  }))
}
